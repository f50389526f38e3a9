package org.onewindow.as2;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import org.apache.camel.component.as2.api.entity.AS2DispositionModifier;
import org.apache.camel.component.as2.api.entity.AS2DispositionType;
import org.apache.camel.component.as2.api.entity.AS2MessageDispositionNotificationEntity;
import org.apache.camel.component.as2.api.entity.MimeEntity;
import org.apache.camel.component.as2.api.entity.MultipartMimeEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.util.SigningUtils;

/**
 * An MDN (RFC 4130 §7) as the camel-as2 client hands it back: signed ({@code multipart/signed}) or not
 * ({@code multipart/report}), with its disposition. {@link #of} returns null when the answer held no MDN.
 */
public record As2Receipt(MultipartSignedEntity signature, AS2MessageDispositionNotificationEntity notification) {

    public static As2Receipt of(Object body) {
        MultipartSignedEntity signature = body instanceof MultipartSignedEntity signed ? signed : null;
        MimeEntity report = signature != null ? signature.getSignedDataEntity() : body instanceof MimeEntity mime ? mime : null;
        if (report instanceof MultipartMimeEntity parts) {
            for (int i = 0; i < parts.getPartCount(); i++) {
                if (parts.getPart(i) instanceof AS2MessageDispositionNotificationEntity notification) {
                    return new As2Receipt(signature, notification);
                }
            }
        }
        return null;
    }

    public boolean signedBy(X509Certificate certificate) {
        return signature != null && SigningUtils.isValid(signature, new Certificate[] {certificate});
    }

    /** {@code processed} without an error modifier: the partner took the message. */
    public boolean processed() {
        AS2DispositionModifier modifier = notification.getDispositionModifier();
        return AS2DispositionType.PROCESSED.equals(notification.getDispositionType()) && (modifier == null || !modifier.isError()
                && !modifier.isFailure());
    }

    /** The disposition as the MDN states it, e.g. {@code processed/error: authentication-failed}. */
    public String disposition() {
        AS2DispositionModifier modifier = notification.getDispositionModifier();
        return notification.getDispositionType().getType() + (modifier == null ? "" : "/" + modifier.getModifier());
    }
}
