package org.relationcrm.mailbox.web;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.relationcrm.mailbox.EmailAddress;
import org.relationcrm.mailbox.IncomingEmail;

/**
 * Reads a Jakarta Mail message as an {@link IncomingEmail}: the addresses, the subject, the text (a text/plain part
 * when there is one, else the HTML part read as text by jsoup: no tag, no script, no style, paragraphs and line
 * breaks kept), the date, the attachments' names. Without a Message-ID, one is made from the sender, the date and
 * the subject, so that the same email read twice is still one.
 */
final class EmailReader {

    private EmailReader() {
    }

    static IncomingEmail read(Message message, Instant receivedAt) throws MessagingException, IOException {
        EmailAddress from = first(message.getFrom());
        if (from == null) {
            from = first(message.getReplyTo());
        }
        if (from == null) {
            from = EmailAddress.of("unknown@invalid");
        }
        Instant sentAt = message.getSentDate() != null ? message.getSentDate().toInstant()
                : message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : receivedAt;
        String subject = message.getSubject();
        Content content = new Content();
        content.collect(message);
        String messageId = message instanceof MimeMessage mime ? mime.getMessageID() : null;
        if (messageId == null || messageId.isBlank() || messageId.length() > IncomingEmail.MAX_MESSAGE_ID) {
            messageId = "<" + sha256(from.address() + "|" + sentAt + "|" + subject) + "@relation.generated>";
        }
        return new IncomingEmail(messageId, from, addresses(message.getRecipients(Message.RecipientType.TO)),
                addresses(message.getRecipients(Message.RecipientType.CC)), subject, content.text(), sentAt,
                content.attachments);
    }

    /** An HTML body as the text a person reads. */
    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, title").remove();
        document.outputSettings().prettyPrint(false);
        document.select("br").before("\\n");
        document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote").before("\\n");
        String text = document.body() == null ? document.text() : document.body().text();
        return text.replace("\\n", "\n").lines().map(String::strip)
                .reduce(new StringBuilder(), (out, line) -> {
                    boolean blank = line.isEmpty();
                    boolean lastBlank = out.isEmpty() || out.toString().endsWith("\n\n");
                    if (!(blank && lastBlank)) {
                        out.append(line).append('\n');
                    }
                    return out;
                }, StringBuilder::append).toString().strip();
    }

    private static EmailAddress first(Address[] addresses) {
        List<EmailAddress> all = addresses(addresses);
        return all.isEmpty() ? null : all.getFirst();
    }

    private static List<EmailAddress> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        List<EmailAddress> out = new ArrayList<>();
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null
                    && !internet.getAddress().isBlank() && internet.getAddress().length() <= EmailAddress.MAX_ADDRESS) {
                out.add(new EmailAddress(internet.getAddress(), internet.getPersonal()));
            }
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parts of a message walked once: the first plain text, the first HTML, the attachments' names. */
    private static final class Content {
        private String plain;
        private String html;
        private final List<String> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            String name = fileName(part);
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || name != null;
            if (attached && !part.isMimeType("multipart/*")) {
                attachments.add(name != null ? name : "?");
                return;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("message/rfc822")) {
                attachments.add(Objects.requireNonNullElse(fileName(part), "message.eml"));
            } else if (part.isMimeType("text/plain") && plain == null) {
                plain = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }

        String text() {
            if (plain != null && !plain.isBlank()) {
                return plain.replace("\r\n", "\n");
            }
            return html == null ? null : htmlToText(html);
        }

        private static String fileName(Part part) throws MessagingException {
            String name = part.getFileName();
            if (name == null) {
                return null;
            }
            try {
                return MimeUtility.decodeText(name).strip();
            } catch (UnsupportedEncodingException e) {
                return name.strip();
            }
        }
    }
}
