package org.onewindow.admit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.onewindow.deliver.Outbox;
import org.onewindow.deliver.Outgoing;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.MessageKeys;
import org.onewindow.message.ParsedMessage;
import org.onewindow.reply.ErrorReplyBuilder;
import org.onewindow.reply.MergedAcknowledgementBuilder;
import org.onewindow.reply.MergedVerdict;
import org.onewindow.reply.RejectedMessage;
import org.onewindow.reply.Rejection;
import org.onewindow.store.MessageStore;
import org.onewindow.store.StoredMessage;
import org.w3c.dom.Document;

/**
 * Answers a refused message and records why. Wire faults (W…) and faults of messages that are not
 * declarations get an NX903; business faults of a declaration get the merged acknowledgement NX5106
 * with status N and the codes. The inbound record is marked REJECTED with the first code and the whole
 * readable text; the reply is stored as caused by it and answers on the channel the message came in on. Nothing is retried: these faults are permanent.
 */
public final class RejectMessage {
    private final MessageStore messages;
    private final Outbox outbox;
    private final Clock clock;

    public RejectMessage(MessageStore messages, Outbox outbox, Clock clock) {
        this.messages = messages;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A message that could not be read as a supported, valid document. */
    public List<Outgoing> unreadable(String hubId, String sender, Rejection rejection) {
        record(hubId, List.of(rejection));
        Document reply = ErrorReplyBuilder.nx903(new RejectedMessage(hubId, null, null, null), List.of(rejection), clock.instant());
        return send(sender, reply, ErrorReplyBuilder.TYPE, null, hubId);
    }

    /** A readable message refused for what it says. */
    public List<Outgoing> refused(String hubId, String sender, ParsedMessage message, List<Rejection> rejections) {
        MessageKeys keys = MessageKeys.of(message);
        messages.recordIdentity(hubId, sender, message.type().type(), message.type().version(), keys, null, "REJECTED");
        record(hubId, rejections);
        boolean business = rejections.stream().allMatch(r -> r.code().category() == ErrorCode.Category.BUSINESS);
        if (business && "NX5105".equals(message.type().type()) && MergedAcknowledgementBuilder.canCarry(keys.declarationNo())) {
            Document reply = MergedAcknowledgementBuilder.nx5106(MergedVerdict.rejected(keys.declarationNo(), rejections),
                    clock.instant());
            return send(sender, reply, MergedAcknowledgementBuilder.TYPE, keys.declarationNo(), hubId);
        }
        RejectedMessage about = new RejectedMessage(hubId, message.type().type(), keys.messageRef(), keys.declarationNo());
        Document reply = ErrorReplyBuilder.nx903(about, rejections, clock.instant());
        return send(sender, reply, ErrorReplyBuilder.TYPE, keys.declarationNo(), hubId);
    }

    private void record(String hubId, List<Rejection> rejections) {
        String text = rejections.stream().map(Rejection::text).collect(Collectors.joining("\n"));
        messages.recordRejection(hubId, rejections.get(0).code(), text);
    }

    private List<Outgoing> send(String sender, Document reply, String type, String declarationNo, String hubId) {
        String usedChannel = messages.find(hubId).map(StoredMessage::channel).orElse(null);
        Outgoing out = outbox.toParty(sender, usedChannel, reply, new Outbox.About(type, null, null, declarationNo, null, hubId, hubId));
        List<Outgoing> outgoing = new ArrayList<>(1);
        if (out != null) {
            outgoing.add(out);
        }
        return outgoing;
    }
}
