import Foundation
import SverkaSyntax

/// `ca_file`: PEM certificates to trust besides the system's, for servers with a company's own
/// certificate authority (a 1C server inside the office network).
///
/// URLSession can be told of extra anchors only on Apple's platforms. On Linux it hands TLS to
/// libcurl, which trusts the system's store alone and offers no way in through URLSession; the
/// option is then refused with the way to add the CA to that store, rather than accepted and
/// silently ignored.
public enum RESTCertificateFile {
    /// Whether this platform's URLSession can trust extra certificates.
    public static var canAddAnchors: Bool {
        #if canImport(Security)
        return true
        #else
        return false
        #endif
    }

    /// The certificates of a PEM file as DER, checked before anything is sent.
    public static func read(_ path: String, at span: Span?) throws(Diagnostic) -> [Data] {
        let resolved = (path as NSString).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw Diagnostic("cannot read the CA file '\(path)'", at: span)
                .hint(FileManager.default.fileExists(atPath: resolved) ? "check its permissions" : "no such file")
        }
        let certificates = certificates(inPEM: String(decoding: data, as: UTF8.self))
        guard !certificates.isEmpty else {
            throw Diagnostic("the CA file '\(path)' holds no PEM certificate", at: span)
                .hint("it should hold -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- blocks; convert a DER file with: openssl x509 -inform der -in ca.cer -out ca.pem")
        }
        guard canAddAnchors else {
            throw Diagnostic("ca_file cannot be used on Linux: URLSession (libcurl) trusts only the system's certificate store", at: span)
                .hint("add the CA to that store: sudo cp \(path) /usr/local/share/ca-certificates/company-ca.crt && sudo update-ca-certificates")
                .hint("then leave ca_file out; sverka always verifies certificates, against the system's store")
        }
        return certificates
    }

    /// The DER bytes of each `CERTIFICATE` block.
    static func certificates(inPEM text: String) -> [Data] {
        var found: [Data] = []
        var body: String?
        for line in text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line == "-----BEGIN CERTIFICATE-----" {
                body = ""
            } else if line == "-----END CERTIFICATE-----" {
                if let base64 = body, let der = Data(base64Encoded: base64), !der.isEmpty { found.append(der) }
                body = nil
            } else if body != nil {
                body? += line
            }
        }
        return found
    }
}
