package org.onewindow.as2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import org.apache.camel.component.as2.api.entity.ApplicationEntity;
import org.apache.camel.component.as2.api.entity.ApplicationPkcs7MimeCompressedDataEntity;
import org.apache.camel.component.as2.api.entity.ApplicationPkcs7MimeEnvelopedDataEntity;
import org.apache.camel.component.as2.api.entity.MimeEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.util.SigningUtils;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;

/**
 * What an AS2 message was wrapped in — encrypted, compressed, signed, in any order RFC 4130 and RFC 5402 allow —
 * and the payload inside. The camel-as2 listener has already parsed the MIME structure (and, on the encrypted
 * path, checked it decrypts); this walks it again to find the signature, which the listener does not check
 * against the sender's own agreement (it knows one certificate chain per path, not one per partner).
 */
public record As2Envelope(boolean encrypted, boolean compressed, MultipartSignedEntity signature, byte[] payload) {

    /** Unwraps {@code entity}; {@code hubKey} decrypts an enveloped layer. */
    public static As2Envelope open(HttpEntity entity, PrivateKey hubKey) throws HttpException {
        boolean encrypted = false;
        boolean compressed = false;
        MultipartSignedEntity signature = null;
        MimeEntity layer = entity instanceof MimeEntity mime ? mime : null;
        while (layer != null) {
            if (layer instanceof ApplicationPkcs7MimeEnvelopedDataEntity enveloped) {
                encrypted = true;
                layer = enveloped.getEncryptedEntity(hubKey);
            } else if (layer instanceof ApplicationPkcs7MimeCompressedDataEntity packed) {
                compressed = true;
                layer = packed.getCompressedEntity(new ZlibExpanderProvider());
            } else if (layer instanceof MultipartSignedEntity signed) {
                signature = signed;
                layer = signed.getSignedDataEntity();
            } else if (layer instanceof ApplicationEntity application) {
                return new As2Envelope(encrypted, compressed, signature, bytes(application));
            } else {
                break;
            }
        }
        throw new HttpException("The AS2 message holds no application payload (" + (entity == null ? "no body"
                : entity.getContentType()) + ")");
    }

    public boolean signed() {
        return signature != null;
    }

    /** True when the message is signed by the key of {@code certificate}. */
    public boolean signedBy(X509Certificate certificate) {
        return signature != null && SigningUtils.isValid(signature, new Certificate[] {certificate});
    }

    private static byte[] bytes(ApplicationEntity application) throws HttpException {
        Object message = application.getEdiMessage();
        if (message instanceof InputStream in) {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new HttpException("The AS2 payload cannot be read: " + e.getMessage(), e);
            }
        }
        String charset = application.getCharset();
        return String.valueOf(message).getBytes(charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
    }
}
