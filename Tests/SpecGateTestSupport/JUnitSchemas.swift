import SpecGateJUnit

/// The two schemas every JUnit file SpecGate writes must satisfy (`shared/reference`): `junit-10.xsd` for the
/// document and `surefire-test-report.xsd` for each `<testsuite>`.
public enum JUnitSchemas {
    /// Every problem `xml` has against either schema; empty when it satisfies both. Throws when the XSDs are
    /// not found next to the package (``PackageRoot/reference(_:)``) or do not load.
    public static func violations(of xml: [UInt8]) throws -> [String] {
        guard let junit10 = PackageRoot.reference("junit-10.xsd"),
            let surefire = PackageRoot.reference("surefire-test-report.xsd")
        else { throw Missing() }
        return try JUnitValidator(xsdPath: junit10).validate(xml: xml)
            + JUnitValidator(xsdPath: surefire).validateEachTestSuite(xml: xml)
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "shared/reference/junit-10.xsd and surefire-test-report.xsd next to the package"
        }
    }
}
