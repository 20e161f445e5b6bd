package dev.followthrough.inbound;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what an inbound email is before it may move a case (R9, R23): a customer's reply, an
 * automatic reply (out of office, vacation responder, ticket or list acknowledgement: not a
 * response), a delivery delay, a bounce, or, when the signals disagree, {@link Kind#UNSURE} so that
 * a person looks at it (fail towards a person, never towards ignoring a customer). Plain Java: the
 * caller hands over every header (looked up case-insensitively), the sender, the subject, the plain
 * text, the content type and, for a mail server's report, the {@link DeliveryReport} that
 * {@link DeliveryReports} read from the message.
 *
 * <h2>Order of the rules</h2>
 *
 * <ol>
 *   <li><b>Mail servers' reports</b>, first, because they often carry automatic-reply headers too:
 *       <ul>
 *         <li>with a delivery report: action {@code failed} is a {@link Kind#BOUNCE},
 *             {@code delayed} a {@link Kind#DELIVERY_DELAYED}, anything else (delivered, relayed,
 *             expanded) an automatic reply;
 *         <li>without one (the REST API): a delay subject ("Delivery Status Notification (Delay)",
 *             "Delayed Mail", "Warning: could not send message…") or a delivery-status text with only
 *             {@code Action: delayed} is a delay; a {@code multipart/report;
 *             report-type=delivery-status} content type, {@code X-Failed-Recipients}, a
 *             {@code MAILER-DAEMON}/{@code postmaster} sender, or a subject that <em>starts with</em>
 *             a bounce phrase ("Undelivered Mail Returned to Sender", "Mail delivery failed",
 *             "failure notice", "Undeliverable:", "Unzustellbar:", "Non remis :"…) is a bounce. Only
 *             the start counts: "Re: Case 42: Mail delivery failed for our invoices" is a customer.
 *         <li>a read receipt ({@code report-type=disposition-notification}) is an automatic reply.
 *       </ul>
 *   <li><b>{@link Kind#AUTOMATIC_REPLY}</b> on a strong header: RFC 3834 {@code Auto-Submitted}
 *       with any value but {@code no} (vacation responders, Exchange, ticket systems);
 *       {@code X-Autoreply}, {@code X-Autorespond}, {@code X-Autoresponder},
 *       {@code X-List-Administrivia} (unless {@code no}/{@code false}/{@code 0});
 *       {@code Precedence: auto_reply}.
 *   <li><b>{@link Kind#AUTOMATIC_REPLY}</b> on wording where machines put it: a subject that
 *       <em>starts with</em> out-of-office wording ("Automatic reply:", "Out of Office:", "Auto:",
 *       "Abwesenheitsnotiz:", "Automatische Antwort:", "Réponse automatique :"…) or carries it in
 *       brackets ("Case 42 [Auto-Reply]"); or a text (before the quoted original) that says it was
 *       sent by a machine ("This is an automated message", "Please do not reply to this email",
 *       "Dies ist eine automatisch erstellte Nachricht", "Ceci est un message automatique"…).
 *   <li><b>List and bulk mail</b> ({@code Precedence: bulk/list/junk}, {@code List-Id},
 *       {@code List-Unsubscribe}, {@code Mailing-List}): an automatic reply with out-of-office
 *       wording or a ticket/list acknowledgement ("your request (#48213) has been received", "we
 *       have received your request", "a ticket has been created"); otherwise {@link Kind#UNSURE}:
 *       a person may have written through a group, or a group may have answered automatically.
 *   <li><b>Out-of-office wording at the start of the text</b> (after a greeting, a "thank you for your
 *       email" preamble and a "please note" connector: "I am out of the office…", "Ich bin bis
 *       zum 07.12. nicht im Büro", "Je suis absente…") without any of the signals above counts only
 *       when the whole message reads like one: out-of-office boilerplate such as "limited access to
 *       email", "for urgent matters", "I will reply on my return", "in dringenden Fällen",
 *       "meine Vertretung", "en cas d'urgence", "à mon retour". A short note that only names when
 *       its writer is back ("I'm on vacation until Monday.") is {@link Kind#UNSURE}; anything else is
 *       a customer who mentions an absence ("I'm travelling this week, so just a quick answer: the
 *       renewal fixed it"). A first sentence that asks something or announces a coming absence ("I'm
 *       away next week, can we talk after?") never starts an out-of-office reply.
 *   <li>{@code X-Auto-Response-Suppress} ({@code OOF}/{@code All}) together with out-of-office
 *       wording in the subject or the first 400 characters is an automatic reply; alone it is not
 *       (some clients set it on ordinary mail).
 *   <li><b>{@link Kind#CUSTOMER_REPLY}</b>: everything else.
 * </ol>
 *
 * An automatic reply's return date is searched ({@link ReturnDates}) in the subject and in the text
 * before any quoted original ({@code >} lines, "-----Original Message-----", "On … wrote:", "Am …
 * schrieb", "Le … a écrit", an Outlook {@code From:} block); reports, receipts and acknowledgements
 * carry none.
 *
 * <p>The {@code reason} names the rule that decided, in a few words (e.g. "Auto-Submitted:
 * auto-replied", "RFC 3464 report: failed", "Precedence: list: list or bulk mail that reads like a
 * person"); it quotes only fixed phrases and header tokens, never addresses, subjects or body text,
 * so it may be logged.
 */
public final class ReplyClassifier {

  /** What an inbound email is. */
  public enum Kind {
    /** A person answered: moves the waiting step, counts as contact, resets the strikes. */
    CUSTOMER_REPLY,
    /** Out of office, vacation responder, ticket or list acknowledgement, read receipt: no response. */
    AUTOMATIC_REPLY,
    /** A mail server still tries to deliver our email: recorded on the timeline only. */
    DELIVERY_DELAYED,
    /** Our email could not be delivered: the address is dead. */
    BOUNCE,
    /** Signals that disagree: a person looks at it, with what the classifier thought. */
    UNSURE
  }

  /**
   * One inbound email as the classifier needs it.
   *
   * @param headers header names (any case; looked up case-insensitively) to their first value
   * @param from the From header or envelope sender, may be null
   * @param subject may be null
   * @param text the plain text body (HTML is reduced to text), may be null
   * @param contentType the top-level content type, may be null
   */
  public record Message(Map<String, String> headers, String from, String subject, String text, String contentType,
                        DeliveryReport deliveryReport) {
    public Message {
      TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      if (headers != null) {
        headers.forEach((name, value) -> {
          if (name != null && value != null) {
            caseInsensitive.putIfAbsent(name.trim(), value);
          }
        });
      }
      headers = Collections.unmodifiableMap(caseInsensitive);
    }

    /** A message without a delivery report (the REST API, tests). */
    public Message(Map<String, String> headers, String from, String subject, String text, String contentType) {
      this(headers, from, subject, text, contentType, null);
    }

    /** What the intake received, as the classifier reads it. */
    public static Message of(InboundMessage message) {
      return new Message(message.headers(), message.from(), message.subject(), message.text(), message.contentType(),
          message.deliveryReport());
    }

    /** The first value of a header, trimmed; null when absent. */
    String header(String name) {
      String value = headers.get(name);
      return value == null ? null : value.trim();
    }
  }

  /**
   * The verdict.
   *
   * @param kind what the message is
   * @param returnDate for an automatic reply, the day the person says they are back, if named
   * @param reason a short explanation that is safe to log
   */
  public record Classification(Kind kind, Optional<LocalDate> returnDate, String reason) {
    public Classification {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(returnDate, "returnDate");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final int WEAK_WORDING_WINDOW = 400;
  private static final int DATE_SEARCH_WINDOW = 3000;
  /** An absence note this short, naming when the writer is back, is for a person to judge. */
  private static final int SHORT_ABSENCE_NOTE = 200;

  // ---------------------------------------------------------------------------------------------
  // Bounces

  private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
      "^[\\s\\[(]*(undelivered mail returned to sender|undelivered mail|delivery status notification"
          + "|mail delivery failed|returned mail|failure notice|delivery has failed|mail delivery failure"
          + "|message not delivered|nicht zustellbar|échec de la remise|message non remis|non distribuable"
          // the shorter words only as a prefix with a colon, the way mail servers write them
          + "|(?:undeliverable|undelivered|delivery failure|delivery failed|unzustellbar|non remis)(?=\\s*:))(?![\\p{L}])",
      FLAGS);

  private static final Pattern DELAY_SUBJECT = Pattern.compile(
      "^[\\s\\[(]*(delivery status notification \\(delay\\)|delayed mail|delivery delayed|warning: could not send message"
          + "|übermittlung verzögert|zustellung verzögert|remise retardée)",
      FLAGS);

  private static final Pattern ACTION_DELAYED = Pattern.compile("^\\s*action:\\s*delayed", FLAGS | Pattern.MULTILINE);
  private static final Pattern ACTION_FAILED = Pattern.compile("^\\s*action:\\s*failed", FLAGS | Pattern.MULTILINE);

  // ---------------------------------------------------------------------------------------------
  // Out-of-office wording

  /** An out-of-office statement; used at the start of the text (after greeting and preamble). */
  private static final String OOF_STATEMENT =
      "(?:(?:this is an? |this message is an? |this e-?mail is an? )?(?:automatic|automated|auto)[ -]?(?:reply|response|responder|answer)(?![\\p{L}])"
          + "|this is an? automatically generated (?:reply|response|message)"
          + "|out of (?:the )?office(?![\\p{L}])"
          + "|(?:i am|i'm|i’m|i will be|i'll be|i’ll be|i shall be)\\s+(?:currently\\s+|now\\s+|presently\\s+)?"
          + "(?:out of (?:the )?office|away|on (?:vacation|holidays?|leave|annual leave|parental leave|maternity leave"
          + "|paternity leave|sick leave|pto|a business trip)|absent|out of the country|not in the office|unavailable"
          + "|travell?ing)(?![\\p{L}])"
          // German
          + "|(?:dies ist eine )?automatische (?:antwort|nachricht|abwesenheitsnotiz)"
          + "|abwesenheitsnotiz"
          + "|(?:ich bin|ich befinde mich)(?:(?!\\.\\s)[^\\n!?]){0,60}?(?<![\\p{L}])(?:nicht im büro|nicht im hause|im urlaub"
          + "|abwesend|außer haus|ausser haus|nicht erreichbar|nicht verfügbar)(?![\\p{L}])"
          // French
          + "|(?:ceci est une )?réponse automatique"
          + "|message d'absence"
          + "|(?:je suis|je serai)\\s+(?:actuellement\\s+)?(?:absente?|en congés?|en vacances|en déplacement|hors du bureau)(?![\\p{L}])"
          + ")";

  private static final Pattern OOF_AT_START = Pattern.compile("^" + OOF_STATEMENT, FLAGS);

  private static final Pattern OOF_SUBJECT = Pattern.compile(
      "^[\\s\\[(]*(?:" + OOF_STATEMENT.substring(3, OOF_STATEMENT.length() - 1)
          + "|auto:|autoreply|auto-response|on (?:vacation|holidays?|leave)(?![\\p{L}])"
          + "|i am away|i'm away|away from (?:the |my )?(?:office|desk)|vacation reply"
          + "|abwesend\\s*[:\\-–]|nicht im büro|im urlaub(?![\\p{L}])"
          + "|absence\\s*[:\\-–]|absente?\\s*[:\\-–]|absente? du bureau)",
      FLAGS);

  private static final Pattern OOF_BRACKETED = Pattern.compile(
      "[\\[(]\\s*(?:out of (?:the )?office|auto[ -]?reply|automatic reply|autoresponder|abwesend|abwesenheitsnotiz"
          + "|automatische antwort|réponse automatique|absence)\\s*[\\])]",
      FLAGS);

  /** Wording that, together with a weak header, makes an automatic reply wherever it stands. */
  private static final Pattern OOF_ANYWHERE = Pattern.compile(
      "(?<![\\p{L}])(?:out of (?:the )?office|automatic reply|auto[ -]?reply|autoresponder|automated response"
          + "|(?:i am|i'm|i’m)\\s+(?:currently\\s+)?(?:away|on vacation|on leave|on holiday|absent)"
          + "|abwesenheitsnotiz|automatische antwort|nicht im büro|réponse automatique|message d'absence)(?![\\p{L}])",
      FLAGS);

  private static final Pattern GREETING = Pattern.compile(
      "^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening|day)|greetings|guten (?:tag|morgen|abend)|hallo"
          + "|sehr geehrte[rs]?|liebe[rs]?|servus|moin|grüß gott|bonjour|bonsoir|salut|madame|monsieur|cher|chère)"
          + "(?![\\p{L}])[^\\n,!:]{0,60}?(?:[,!:]|(?=\\r?\\n)|$)\\s*",
      FLAGS);

  private static final Pattern THANKS_PREAMBLE = Pattern.compile(
      "^(?:(?:thank you|thanks|many thanks)(?: very much| a lot)? for (?:your|the) (?:e-?mail|message|mail|note|enquiry|inquiry)"
          + "|(?:vielen |herzlichen )?dank(?:e)? für ihre (?:nachricht|e-?mail|mail|anfrage)"
          + "|merci (?:pour|de) votre (?:message|e-?mail|mail|courriel))"
          + "[^\\n.!,;:]{0,40}?[.!,;:]?\\s*",
      FLAGS);

  private static final Pattern CONNECTOR = Pattern.compile(
      "^(?:however|but|unfortunately|please note(?: that)?|note that|leider|jedoch|bitte beachten sie,? dass"
          + "|cependant|malheureusement|veuillez noter que)[,:]?\\s*",
      FLAGS);

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)|\\R");

  private static final Pattern HEADS_UP = Pattern.compile(
      "(?<![\\p{L}])(?:next week|later this week|this weekend|in a few days|from tomorrow|starting (?:tomorrow|next)"
          + "|nächste[nr]? woche|ab morgen|ab übermorgen|la semaine prochaine|à partir de demain|dès demain)(?![\\p{L}])",
      FLAGS);
  private static final Pattern UNTIL = Pattern.compile(
      "(?<![\\p{L}])(?:until|till|back|return|returning|bis|zurück|jusqu|retour)(?![\\p{L}])", FLAGS);

  /** A message that says it was sent by a machine: an automatic reply wherever it stands in the text. */
  private static final Pattern AUTOMATED_MESSAGE = Pattern.compile(
      "(?<![\\p{L}])(?:this is an? (?:auto-?reply|auto-?response)"
          + "|dies ist eine automatische (?:antwort|nachricht|abwesenheitsnotiz)|ceci est une réponse automatique"
          + "|this is an? (?:automated|automatic|automatically generated|auto-generated|system-generated)"
          + " (?:message|e-?mail|notification|response|reply|acknowledge?ment)"
          + "|this (?:message|e-?mail|notification) (?:was|has been|is) (?:sent |generated |created )?automatically"
          + "|(?:please )?do not reply (?:to|directly to) this (?:message|e-?mail|notification)"
          + "|dies ist eine automatisch (?:erstellte|generierte|versandte|versendete) (?:nachricht|e-?mail|benachrichtigung)"
          + "|diese (?:nachricht|e-?mail) wurde automatisch (?:erstellt|generiert|versandt|versendet)"
          + "|bitte antworten sie nicht auf diese (?:nachricht|e-?mail)"
          + "|ceci est un (?:message|courriel|e-?mail) (?:automatique|généré automatiquement)"
          + "|(?:merci de ne pas|veuillez ne pas) répondre à ce (?:message|courriel|e-?mail))(?![\\p{L}])",
      FLAGS);

  /** A ticket system's or list's acknowledgement; counts only on list or bulk mail. */
  private static final Pattern ACKNOWLEDGEMENT = Pattern.compile(
      "(?<![\\p{L}])(?:(?:we have|we've|we) received your (?:request|message|e-?mail|enquiry|inquiry|ticket)"
          + "|your (?:request|ticket|message|case|e-?mail)(?: \\(?#?[\\w-]+\\)?)? (?:has been|was|is) (?:received|created|logged|opened)"
          + "|(?:a |your )?(?:support )?ticket (?:has been|was) (?:created|opened|logged)"
          + "|auto-?response for your message|awaits? moderator approval|is being held until the list moderator"
          + "|ihre (?:anfrage|nachricht) (?:ist bei uns eingegangen|wurde empfangen)"
          + "|nous avons (?:bien )?reçu votre (?:demande|message))(?![\\p{L}])",
      FLAGS);

  /** What an out-of-office message says besides the absence; a person replying does not. */
  private static final Pattern OOF_BOILERPLATE = Pattern.compile(
      "(?<![\\p{L}])(?:limited (?:access to (?:my )?e-?mails?|connectivity)|(?:no|without) (?:access to (?:my )?)?e-?mail(?: access)?"
          + "|urgent (?:matters|issues|requests|enquiries|inquiries|cases|questions)|(?:for|in) (?:urgent|emergency|emergencies)"
          + "|if (?:this|your (?:matter|request|issue|question)) is urgent|upon my return|on my return|when i (?:return|am back|get back)"
          + "|in my absence|back in the office|(?:will|shall) (?:respond|reply|get back|answer|read)[^.\\n]{0,60}(?:return|back)"
          + "|will not be (?:read|forwarded)"
          + "|in dringenden fällen|dringende[n]? (?:anliegen|fälle)|nach meiner rückkehr|wieder (?:im büro|erreichbar|im hause)"
          + "|(?:nachricht|e-?mail) wird nicht weitergeleitet|keinen zugriff auf|eingeschränkte[nrm]? zugriff|meine vertretung"
          + "|en cas d'urgence|pour toute (?:demande|question) urgente|accès (?:limité|restreint)|à mon retour|de retour le"
          + "|je serai de retour|ne sera pas (?:transféré|lu))(?![\\p{L}])",
      FLAGS);

  /** Where the quoted original starts in a reply. */
  private static final Pattern QUOTE_START = Pattern.compile(
      "^(?:>|-{2,}\\s*(?:original message|ursprüngliche nachricht|message d'origine|forwarded message)"
          + "|on .{0,200} wrote:|am .{0,200} schrieb|le .{0,200} a écrit"
          + "|(?:from|von|de)\\s*:.*\\R(?:sent|gesendet|envoyé)\\s*:)",
      FLAGS | Pattern.MULTILINE);

  private static final Pattern HEADER_TOKEN = Pattern.compile("^\\s*([A-Za-z0-9_-]{1,40})");
  private static final Pattern SUPPRESS_ALL = Pattern.compile("(?i)(?<![a-z])all(?![a-z])");
  private static final Pattern SUPPRESS_OOF = Pattern.compile("(?i)(?<![a-z])oof(?![a-z])");

  private static final Pattern HTML_BREAK = Pattern.compile("(?i)<\\s*(?:br|/p|/div|/li|/tr|/h\\d)\\b[^>]*>");
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
  private static final Pattern HTML_SKIPPED = Pattern.compile("(?is)<(style|script|head)\\b.*?</\\1\\s*>");

  private ReplyClassifier() {}

  /**
   * Classifies one inbound message.
   *
   * @param message the message; its parts may be null
   * @param receivedOn the day it was received, in the case's calendar; anchors year-less dates
   */
  public static Classification classify(Message message, LocalDate receivedOn) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(receivedOn, "receivedOn");
    String subject = message.subject() == null ? "" : message.subject().strip();
    String text = plainText(message.text(), message.contentType());
    String contentType = message.contentType() != null ? message.contentType() : message.header("Content-Type");
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).replaceAll("[\\s\"']", "");

    // 1. Delivery-status notifications: what the mail server said, read by DeliveryReports
    DeliveryReport report = message.deliveryReport();
    if (report != null) {
      String source = report.standard() ? "RFC 3464 report" : "non-standard bounce";
      return switch (report.action()) {
        case FAILED -> bounce(source + ": failed");
        case DELAYED -> delayed(source + ": delayed");
        default -> automatic(source + ": " + report.action().name().toLowerCase(Locale.ROOT), Optional.empty());
      };
    }
    // without a report (the REST API, or one that could not be read): the signals a bounce carries
    boolean deliveryReport = type.contains("multipart/report") && type.contains("report-type=delivery-status");
    if (DELAY_SUBJECT.matcher(subject).find()
        || (deliveryReport && ACTION_DELAYED.matcher(text).find() && !ACTION_FAILED.matcher(text).find())) {
      return delayed("delivery delay notice");
    }
    if (deliveryReport) {
      return bounce("multipart/report; report-type=delivery-status");
    }
    if (message.header("X-Failed-Recipients") != null) {
      return bounce("X-Failed-Recipients header");
    }
    String sender = senderMailbox(message.from());
    if (sender.equals("mailer-daemon")) {
      return bounce("sender is MAILER-DAEMON");
    }
    if (sender.equals("postmaster")) {
      return bounce("sender is postmaster");
    }
    Matcher bounceSubject = BOUNCE_SUBJECT.matcher(subject);
    if (bounceSubject.find()) {
      return bounce("bounce subject: \"" + bounceSubject.group(1) + "\"");
    }
    if (type.contains("multipart/report") && type.contains("report-type=disposition-notification")) {
      return automatic("read receipt (disposition-notification)", Optional.empty());
    }

    // 2. Automatic replies: strong headers (RFC 3834, vacation responders, list servers)
    String autoSubmitted = firstToken(message.header("Auto-Submitted"));
    if (autoSubmitted != null && !autoSubmitted.equals("no")) {
      return outOfOffice("Auto-Submitted: " + autoSubmitted, subject, text, receivedOn);
    }
    for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-List-Administrivia")) {
      String value = message.header(name);
      if (value != null && !List.of("no", "false", "0").contains(value.toLowerCase(Locale.ROOT))) {
        return outOfOffice(name + " header", subject, text, receivedOn);
      }
    }
    String precedence = firstToken(message.header("Precedence"));
    if ("auto_reply".equals(precedence) || "auto-reply".equals(precedence)) {
      return outOfOffice("Precedence: auto_reply", subject, text, receivedOn);
    }

    // 3. Automatic replies: wording where an out-of-office reply puts it
    if (OOF_SUBJECT.matcher(subject).find()) {
      return outOfOffice("out-of-office wording at the start of the subject", subject, text, receivedOn);
    }
    if (OOF_BRACKETED.matcher(subject).find()) {
      return outOfOffice("out-of-office wording in brackets in the subject", subject, text, receivedOn);
    }
    String own = beforeQuote(text);
    if (AUTOMATED_MESSAGE.matcher(own).find()) {
      return outOfOffice("says it is an automated message", subject, text, receivedOn);
    }

    // 4. List and bulk mail: automatic when it reads like an acknowledgement, else a person decides
    String bulk = bulkSignal(message, precedence);
    String window = subject + "\n" + own.substring(0, Math.min(WEAK_WORDING_WINDOW, own.length()));
    if (bulk != null && OOF_ANYWHERE.matcher(window).find()) {
      return outOfOffice(bulk + " with out-of-office wording", subject, text, receivedOn);
    }
    if (bulk != null && ACKNOWLEDGEMENT.matcher(subject + "\n" + own).find()) {
      return automatic(bulk + " with acknowledgement wording", Optional.empty());
    }
    if (bulk != null) {
      return new Classification(Kind.UNSURE, Optional.empty(),
          bulk + ": list or bulk mail that reads like a person");
    }

    // 5. Out-of-office wording at the start of the text counts only when the message is one
    if (startsWithOutOfOffice(text)) {
      if (OOF_BOILERPLATE.matcher(subject + "\n" + own).find()) {
        return outOfOffice("out-of-office message without automatic-reply headers", subject, text, receivedOn);
      }
      if (own.strip().length() <= SHORT_ABSENCE_NOTE && UNTIL.matcher(own).find()) {
        return new Classification(Kind.UNSURE, Optional.empty(), "a short absence note without automatic-reply headers");
      }
      return new Classification(Kind.CUSTOMER_REPLY, Optional.empty(),
          "mentions an absence, but no automatic-reply signal");
    }

    // 6. X-Auto-Response-Suppress is set on ordinary mail too: only with out-of-office wording
    String suppress = message.header("X-Auto-Response-Suppress");
    String weak = suppress == null ? null
        : SUPPRESS_ALL.matcher(suppress).find() ? "X-Auto-Response-Suppress: All"
        : SUPPRESS_OOF.matcher(suppress).find() ? "X-Auto-Response-Suppress: OOF" : null;
    if (weak != null && OOF_ANYWHERE.matcher(window).find()) {
      return outOfOffice(weak + " with out-of-office wording", subject, text, receivedOn);
    }
    return new Classification(Kind.CUSTOMER_REPLY, Optional.empty(),
        weak == null ? "no bounce or automatic-reply signal" : weak + " alone is not an automatic reply");
  }

  /**
   * Whether a message from this sender with this subject is a mail server's report: the sender is
   * {@code MAILER-DAEMON} or {@code postmaster}, or the subject starts like a bounce or delay notice.
   */
  static boolean looksLikeBounce(String from, String subject) {
    String sender = senderMailbox(from);
    String s = subject == null ? "" : subject.strip();
    return sender.equals("mailer-daemon") || sender.equals("postmaster")
        || BOUNCE_SUBJECT.matcher(s).find() || DELAY_SUBJECT.matcher(s).find();
  }

  /** The list or bulk header that marks the message, or null. */
  private static String bulkSignal(Message message, String precedence) {
    if (precedence != null && List.of("bulk", "junk", "list").contains(precedence)) {
      return "Precedence: " + precedence;
    }
    for (String name : List.of("List-Id", "List-Unsubscribe", "Mailing-List", "X-Mailing-List")) {
      if (message.header(name) != null) {
        return name + " header";
      }
    }
    return null;
  }

  private static Classification delayed(String reason) {
    return new Classification(Kind.DELIVERY_DELAYED, Optional.empty(), reason);
  }

  private static Classification bounce(String reason) {
    return new Classification(Kind.BOUNCE, Optional.empty(), reason);
  }

  private static Classification automatic(String reason, Optional<LocalDate> returnDate) {
    return new Classification(Kind.AUTOMATIC_REPLY, returnDate, reason);
  }

  private static Classification outOfOffice(String reason, String subject, String text, LocalDate receivedOn) {
    return automatic(reason, ReturnDates.in(subject + "\n" + beforeQuote(text), receivedOn));
  }

  /** Whether the text starts with an out-of-office statement (after greeting, thanks and connector). */
  private static boolean startsWithOutOfOffice(String text) {
    String rest = beforeQuote(text).strip();
    for (int step = 0; step < 4 && !rest.isEmpty(); step++) {
      if (OOF_AT_START.matcher(rest).find()) {
        return !humanHeadsUp(firstSentence(rest));
      }
      String stripped = strip(rest, GREETING);
      stripped = strip(stripped, THANKS_PREAMBLE);
      stripped = strip(stripped, CONNECTOR);
      if (stripped.equals(rest)) {
        return false;
      }
      rest = stripped;
    }
    return false;
  }

  /**
   * "I'm away next week, can we talk after?" starts like an out-of-office reply but is a person
   * announcing an absence or asking something: a question, or a near-future word ("next week",
   * "from tomorrow", "ab morgen") that is not a return ("until next week"), in the first sentence
   * means a human wrote it.
   */
  private static boolean humanHeadsUp(String sentence) {
    return sentence.contains("?") || (HEADS_UP.matcher(sentence).find() && !UNTIL.matcher(sentence).find());
  }

  private static String firstSentence(String text) {
    Matcher end = SENTENCE_END.matcher(text);
    return end.find() ? text.substring(0, end.end()) : text;
  }

  private static String strip(String text, Pattern prefix) {
    Matcher matcher = prefix.matcher(text);
    return matcher.find() ? text.substring(matcher.end()).strip() : text;
  }

  /** The text before the quoted original, at most {@value #DATE_SEARCH_WINDOW} characters. */
  private static String beforeQuote(String text) {
    Matcher quote = QUOTE_START.matcher(text);
    String own = quote.find() ? text.substring(0, quote.start()) : text;
    return own.length() > DATE_SEARCH_WINDOW ? own.substring(0, DATE_SEARCH_WINDOW) : own;
  }

  private static String plainText(String text, String contentType) {
    if (text == null) {
      return "";
    }
    boolean html = (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("text/html"))
        || text.stripLeading().startsWith("<");
    if (!html) {
      return text;
    }
    String plain = HTML_SKIPPED.matcher(text).replaceAll(" ");
    plain = HTML_BREAK.matcher(plain).replaceAll("\n");
    plain = HTML_TAG.matcher(plain).replaceAll("");
    return plain.replace("&nbsp;", " ").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }

  /** The local part of the sender's address, lower case ("mailer-daemon"), or "" when unknown. */
  private static String senderMailbox(String from) {
    if (from == null) {
      return "";
    }
    String address = from.strip();
    int open = address.lastIndexOf('<');
    int close = address.lastIndexOf('>');
    if (open >= 0 && close > open) {
      address = address.substring(open + 1, close);
    }
    int at = address.indexOf('@');
    String local = (at >= 0 ? address.substring(0, at) : address).strip().toLowerCase(Locale.ROOT);
    return local;
  }

  /** The first token of a header value, lower case ("auto-replied" of "auto-replied; owner=x"), or null. */
  private static String firstToken(String value) {
    if (value == null) {
      return null;
    }
    Matcher token = HEADER_TOKEN.matcher(value);
    return token.find() ? token.group(1).toLowerCase(Locale.ROOT) : value.isBlank() ? null : "other";
  }
}
