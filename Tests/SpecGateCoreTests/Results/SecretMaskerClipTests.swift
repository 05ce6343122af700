import SpecGateCore
import Testing

/// `SecretMasker` on clipped texts: a secret cut by an excerpt's `…` is masked too.
@Suite struct SecretMaskerClipTests {
    let masker: SecretMasker = {
        var masker = SecretMasker()
        masker.add(.init(value: "cal_live_0123456789abcdef", placeholder: "$CAL_API_KEY"))
        return masker
    }()

    @Test func wholeSecretsAreReplaced() {
        #expect(masker.mask("Bearer cal_live_0123456789abcdef!") == "Bearer $CAL_API_KEY!")
    }

    @Test func aSecretCutByTheClipMarkerIsMasked() {
        #expect(masker.mask(#"{"echo":"Bearer cal_live_0123…"#) == #"{"echo":"Bearer $CAL_API_KEY…"#)
        #expect(masker.mask("x cal_live_01… and cal_live_0123456789abcdef") == "x $CAL_API_KEY… and $CAL_API_KEY")
        #expect(masker.mask("a cal… b cal_li…") == "a cal… b $CAL_API_KEY…", "four characters or more")
    }

    @Test func otherClippedTextIsLeftAlone() {
        #expect(masker.mask("xxxxxxxx…") == "xxxxxxxx…")
        #expect(masker.mask("live_0123…") == "live_0123…", "only the start of a secret counts")
    }
}
