#!/usr/bin/env bash
# Draws bpmn/case-communication.png from the model, as Camunda Modeler shows it: bpmn-js (from npm)
# renders the BPMN in headless Chromium (Debian's chromium package), which takes the screenshot.
# Run it after changing the model:  tools/render-diagram.sh [model.bpmn] [picture.png]
# Beside the picture it writes the SHA-256 of the model it was drawn from (picture.png.sha256);
# `tools/render-diagram.sh --check [model.bpmn] [picture.png]` (run by CI) fails when the model has
# changed since, i.e. when the picture is older than the model, whatever the files' times say.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
if [ "${1:-}" = "--check" ]; then check=true; shift; fi
model=${1:-bpmn/case-communication.bpmn}
picture=${2:-${model%.bpmn}.png}
model_hash=$(sha256sum "$model" | cut -d' ' -f1)

if $check; then
  drawn_from=$(cat "$picture.sha256" 2>/dev/null || echo "none")
  if [ ! -f "$picture" ] || [ "$drawn_from" != "$model_hash" ]; then
    echo "$picture was not drawn from the current $model (model $model_hash, picture drawn from $drawn_from):" >&2
    echo "run tools/render-diagram.sh and commit the picture with the model" >&2
    exit 1
  fi
  echo "$picture is drawn from the current $model"
  exit 0
fi
width=${DIAGRAM_WIDTH:-2400}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund --no-save bpmn-js@17.11.1 >/dev/null)

# the diagram's extent, from its DI, fixes the picture's height for the width asked
read -r minx miny maxx maxy < <(python3 - "$model" <<'PY'
import re, sys
xml = open(sys.argv[1], encoding="utf-8").read()
xs, ys = [], []
for m in re.finditer(r'<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"', xml):
    x, y, w, h = map(float, m.groups()); xs += [x, x + w]; ys += [y, y + h]
for m in re.finditer(r'<di:waypoint x="([-\d.]+)" y="([-\d.]+)"', xml):
    xs.append(float(m.group(1))); ys.append(float(m.group(2)))
print(int(min(xs)), int(min(ys)), int(max(xs)), int(max(ys)))
PY
)
margin=30
height=$(( (maxy - miny + 2 * margin) * width / (maxx - minx + 2 * margin) ))

python3 - "$model" "$work" "$width" "$height" <<'PY'
import json, sys
model, work, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
xml = open(model, encoding="utf-8").read()
html = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="node_modules/bpmn-js/dist/assets/diagram-js.css">
<link rel="stylesheet" href="node_modules/bpmn-js/dist/assets/bpmn-js.css">
<link rel="stylesheet" href="node_modules/bpmn-js/dist/assets/bpmn-font/css/bpmn.css">
<style>html,body,#canvas{margin:0;width:100%;height:100%;background:#fff;overflow:hidden}
.djs-palette,.bjs-powered-by{display:none}</style></head><body><div id="canvas"></div>
<script src="node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"></script>
<script>
const viewer = new BpmnJS({ container: '#canvas' });
viewer.importXML(""" + json.dumps(xml) + """).then(() => {
  const canvas = viewer.get('canvas');
  canvas.zoom('fit-viewport');
  document.title = 'rendered';
}).catch(e => { document.body.textContent = 'failed: ' + e; });
</script></body></html>"""
open(work + "/diagram.html", "w", encoding="utf-8").write(html)
PY

chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" \
  --force-device-scale-factor=1 --virtual-time-budget=10000 --window-size="$width,$height" --screenshot="$work/diagram.png" \
  "file://$work/diagram.html" >/dev/null 2>&1
cp "$work/diagram.png" "$picture"
echo "$model_hash" > "$picture.sha256"
echo "drew $picture (${width}x${height}) from $model"
