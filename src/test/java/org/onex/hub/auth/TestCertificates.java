package org.onex.hub.auth;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates issued for a test run: a CA, the hub's server certificate, departments' client certificates. */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestCertificates() {
    }

    /** An EC P-256 key pair. */
    public static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** A self-signed certificate authority. */
    public static X509Certificate authority(String subject, KeyPair key) throws Exception {
        return certificate(subject, key, null, null, true, null);
    }

    /** A server certificate for 127.0.0.1, issued by the authority. */
    public static X509Certificate server(KeyPair key, X509Certificate ca, PrivateKey caKey) throws Exception {
        return certificate("CN=127.0.0.1", key, ca, caKey, false, KeyPurposeId.id_kp_serverAuth);
    }

    /** A TLS client certificate, issued by the authority. */
    public static X509Certificate client(String subject, KeyPair key, X509Certificate ca, PrivateKey caKey)
            throws Exception {
        return certificate(subject, key, ca, caKey, false, KeyPurposeId.id_kp_clientAuth);
    }

    /** The certificate in PEM, as an admin hands it to the {@code clients map-certificate} command. */
    public static String pem(X509Certificate certificate) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** A certificate valid from an hour ago for a day, signed by the issuer (or by itself if none is given). */
    private static X509Certificate certificate(String subject, KeyPair key, X509Certificate issuer,
            PrivateKey issuerKey, boolean authority, KeyPurposeId purpose) throws Exception {
        Instant now = Instant.now();
        X500Name issuerName = issuer == null ? new X500Name(subject)
                : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), key.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (purpose != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        }
        if (purpose == KeyPurposeId.id_kp_serverAuth) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        }
        PrivateKey signer = issuerKey == null ? key.getPrivate() : issuerKey;
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }
}
