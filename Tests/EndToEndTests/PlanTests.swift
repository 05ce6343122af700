import Foundation
import SpecGateTestSupport
import Testing

/// `specgate plan` end to end: the real binary on the Cal.com suite.
@Suite("Plan")
struct PlanTests {

    static let reassign = "BookingsController_2024_08_13_reassignBookingToUser"

    static func plan(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String)
    {
        let result = try SpecGateProcess.run(["plan"] + arguments, environment: environment)
        return (result.status, result.stdout)
    }

    @Test func reassignPlanHasTheRequiredCases() throws {
        let secret = "cal_live_do_not_print_0123456789"
        let (status, out) = try Self.plan(
            ["specs/calcom/suite.yaml", "--seed", "42", "--operation", Self.reassign],
            environment: ["CAL_API_KEY": secret])
        #expect(status == 0)
        #expect(out.hasPrefix("specgate "))
        #expect(out.contains(", seed 42\n# dry run: nothing is sent\n"))
        #expect(!out.contains(secret))
        let lines = out.split(separator: "\n").map(String.init)
        func caseLine(_ suffix: String) -> (comment: String, curl: String)? {
            guard let i = lines.firstIndex(where: { $0.hasPrefix("# " + Self.reassign + suffix + " ") }),
                i + 1 < lines.count
            else { return nil }
            return (lines[i], lines[i + 1])
        }
        let valid = try #require(caseLine("/valid/0"))
        #expect(valid.comment.contains("expect 2xx"))
        #expect(valid.curl.hasPrefix("curl -sS -X POST 'https://api.cal.com/v2/bookings/"))
        #expect(valid.curl.contains("-H 'Authorization: Bearer '\"$CAL_API_KEY\""))
        #expect(valid.curl.contains("-H 'cal-api-version: 2024-08-13'"))
        #expect(valid.curl.contains("--data-binary '{\"reason\":"))
        let missingVersion = try #require(caseLine("/invalid/missing-required-header/cal-api-version"))
        #expect(!missingVersion.curl.contains("cal-api-version"))
        let missingAuth = try #require(caseLine("/invalid/missing-authorization/Authorization"))
        #expect(missingAuth.comment.contains("expect 401"))
        #expect(!missingAuth.curl.contains("Authorization"))
        let userId = try #require(caseLine("/invalid/path-parameter-wrong-type/userId"))
        #expect(userId.curl.contains("/reassign/abc"))
        let reason = try #require(caseLine("/invalid/wrong-property-type/reason"))
        #expect(reason.curl.contains("--data-binary '{\"reason\":12345}'"))
        let json = try #require(caseLine("/invalid/malformed-json/body"))
        #expect(json.comment.contains("expect 400|422"))
        #expect(json.curl.contains("--data-binary '{\"specgate\": '"))
    }

    @Test func sameSeedSameBytesAndBaseURLOverride() throws {
        let args = ["specs/calcom/suite.yaml", "--seed", "9", "--max-cases", "5", "--base-url", "http://127.0.0.1:1"]
        let first = try Self.plan(args, environment: ["CAL_API_KEY": "cal_x"])
        let second = try Self.plan(args, environment: ["CAL_API_KEY": "cal_x"])
        #expect(first.status == 0)
        #expect(first.out == second.out)
        #expect(first.out.contains("curl -sS -X GET 'http://127.0.0.1:1/v2/"))
        let other = try Self.plan(
            ["specs/calcom/suite.yaml", "--seed", "10", "--max-cases", "5", "--base-url", "http://127.0.0.1:1"],
            environment: ["CAL_API_KEY": "cal_x"])
        #expect(other.out != first.out)
    }

    /// `--valid-cases` prints what a load-style `run --valid-cases` sends: up to that many valid cases
    /// (attempts whose request repeats an earlier one are dropped), numbered without gaps.
    @Test func validCasesSetsTheNumberOfValidCases() throws {
        let operation = "BookingsController_2024_08_13_getBookings"
        let (status, out) = try Self.plan(
            [
                "specs/calcom/suite.yaml", "--operation", operation, "--no-invalid", "--valid-cases", "25",
                "--max-cases", "25",
            ],
            environment: ["CAL_API_KEY": "cal_x"])
        #expect(status == 0)
        let headers = out.split(separator: "\n").filter { $0.hasPrefix("# " + operation + "/valid/") }
        #expect((20...25).contains(headers.count))
        for (number, header) in headers.enumerated() {
            #expect(header.hasPrefix("# \(operation)/valid/\(number) "))
        }
        let curls = out.split(separator: "\n").filter { $0.hasPrefix("curl ") }
        #expect(Set(curls).count == curls.count, "valid cases are de-duplicated")
        let refused = try Self.plan(["specs/calcom/suite.yaml", "--valid-cases", "0"])
        #expect(refused.status == 64 || refused.status == 2)
    }

    /// The plan is what `run` sends: the same cases in the same order as `run --dry-run`, with the suite's
    /// body values, expectations and scenario cases applied.
    @Test func planListsTheCasesRunSends() throws {
        let arguments = ["specs/calcom/suite.yaml", "--seed", "4", "--max-cases", "5"]
        let environment = ["CAL_API_KEY": "cal_plan_test_key"]
        let plan = try Self.plan(arguments, environment: environment)
        let dryRun = try SpecGateProcess.run(["run"] + arguments + ["--dry-run"], environment: environment)
        #expect(plan.status == 0)
        #expect(dryRun.status == 0)
        func caseLines(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { $0.hasPrefix("# Bookings") }
        }
        #expect(caseLines(plan.out).count > 50)
        #expect(caseLines(plan.out) == caseLines(dryRun.stdout))
        // `values: eventTypeId` from the suite, not the spec's example (123).
        let create = plan.out.split(separator: "\n").filter {
            $0.contains("-X POST 'https://api.cal.com/v2/bookings' ")
        }
        #expect(!create.isEmpty)
        #expect(create.allSatisfy { !$0.contains("\"eventTypeId\":123") })
        #expect(plan.out.contains("# BookingsController_2024_08_13_reassignBookingToUser/expectation/1  expect 403"))
        #expect(plan.out.contains("\n# workflow: "))
        #expect(!plan.out.contains("cal_plan_test_key"))
        // Without the credential variable the plan is the same: the secret is never printed anyway.
        let unset = try Self.plan(arguments, environment: ["CAL_API_KEY": ""])
        #expect(unset.status == 0)
        #expect(unset.out == plan.out)
    }

    /// `plan` is `run --dry-run`'s printer: with DEFAULT options (no --max-cases, no filters) both print
    /// the same requests, byte for byte; `--valid-only` is still accepted as `--no-invalid`.
    @Test func planAndDryRunSendTheSameRequestsWithDefaultOptions() throws {
        let environment = ["CAL_API_KEY": "cal_default_options_key"]
        let plan = try SpecGateProcess.run(["plan", "specs/calcom/suite.yaml"], environment: environment)
        let dryRun = try SpecGateProcess.run(["run", "specs/calcom/suite.yaml", "--dry-run"], environment: environment)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        let curls = plan.stdout.split(separator: "\n").filter { $0.hasPrefix("curl ") }
        #expect(curls.count > 100)
        #expect(curls == dryRun.stdout.split(separator: "\n").filter { $0.hasPrefix("curl ") })
        #expect(plan.stdout == dryRun.stdout)
        #expect(!plan.stdout.contains("cal_default_options_key"))
        let validOnly = try SpecGateProcess.run(
            ["plan", "specs/calcom/suite.yaml", "--valid-only"], environment: environment)
        let noInvalid = try SpecGateProcess.run(
            ["plan", "specs/calcom/suite.yaml", "--no-invalid"], environment: environment)
        #expect(validOnly.status == 0 && validOnly.stdout == noInvalid.stdout)
        #expect(!validOnly.stdout.contains("/invalid/"))
    }
}

/// `run --max-time` on the command line: a bad duration and `--dry-run` are usage errors (exit 2).
@Suite("run --max-time arguments")
struct MaxTimeArgumentTests {
    @Test func dryRunWithABudgetIsRefused() throws {
        let result = try SpecGateProcess.run(
            ["run", "specs/calcom/suite.yaml", "--dry-run", "--max-time", "30s"],
            environment: ["CAL_API_KEY": "cal_test"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--max-time cannot be used with --dry-run"), "\(result.stderr)")
        #expect(!result.stdout.contains("curl "))
    }

    @Test func badDurationIsRefused() throws {
        for bad in ["0s", "soon", "1.2.3s"] {
            let result = try SpecGateProcess.run(
                ["run", "specs/calcom/suite.yaml", "--max-time", bad], environment: ["CAL_API_KEY": "cal_test"])
            #expect(result.status == 2, "\(bad)")
            #expect(result.stderr.contains("--max-time must be a positive duration"), "\(bad): \(result.stderr)")
        }
    }
}
