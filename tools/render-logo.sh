#!/usr/bin/env bash
# Draws Followthrough's logo in the sizes that cannot be SVG, from the one SVG source
# (src/main/resources/META-INF/resources/webjars/camunda/assets/followthrough-logo.svg, which the
# webapps show as it is): the email signature's PNG (mail/logo.png, 96 px shown at 48: mail clients
# such as Gmail and Outlook do not show SVG) and the webapps' favicon (32 and 16 px in one .ico).
# Headless Chromium (Debian's chromium package) renders it. Run it after changing the SVG:
#   tools/render-logo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
resources=src/main/resources
svg=$resources/META-INF/resources/webjars/camunda/assets/followthrough-logo.svg

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the JDK's ImageIO keeps the top left corner of a screenshot
cat >"$work/Crop.java" <<'JAVA'
import java.io.File;
import javax.imageio.ImageIO;

class Crop {
  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[1]);
    ImageIO.write(ImageIO.read(new File(args[0])).getSubimage(0, 0, size, size), "png", new File(args[2]));
  }
}
JAVA

render() { # size, picture
  printf '<!doctype html><html><body style="margin:0;background:transparent"><img src="file://%s" width="%s" height="%s" style="display:block"></body></html>' \
    "$(realpath "$svg")" "$1" "$1" >"$work/logo.html"
  # headless Chromium does not draw a window smaller than about 200 px: draw in a larger one, then
  # keep the top left corner
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" \
    --force-device-scale-factor=1 --default-background-color=00000000 --window-size=400,400 \
    --screenshot="$work/window.png" "file://$work/logo.html" >/dev/null 2>&1
  java "$work/Crop.java" "$work/window.png" "$1" "$2"
}

render 96 "$resources/mail/logo.png"
render 32 "$work/32.png"
render 16 "$work/16.png"

# an .ico holding PNG images (what every current browser reads): header, directory, images
python3 - "$work/32.png" "$work/16.png" "$resources/META-INF/resources/webjars/camunda/favicon.ico" <<'PY'
import struct, sys
*pngs, ico = sys.argv[1:]
images = [open(p, "rb").read() for p in pngs]
offset = 6 + 16 * len(images)
out = struct.pack("<HHH", 0, 1, len(images))
for data in images:
    width, height = struct.unpack(">II", data[16:24])
    out += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
open(ico, "wb").write(out + b"".join(images))
PY
echo "drew $resources/mail/logo.png and the favicon from $svg"
