import Foundation
import SpecGateTestSupport

/// Locates `shared/reference` (the XSDs) through ``PackageRoot/reference(_:)``.
enum ReferenceFiles {
    static let directory: String? = PackageRoot.reference("junit-10.xsd").map {
        String($0.dropLast("/junit-10.xsd".count))
    }

    static var junit10: String { (directory ?? "shared/reference") + "/junit-10.xsd" }
    static var surefire: String { (directory ?? "shared/reference") + "/surefire-test-report.xsd" }
}
