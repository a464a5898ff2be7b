import DocGenFuzzTargets
import Foundation
import Testing

/// Replays every input kept under `Fixtures/fuzz/<target>/` (crashers found by `scripts/fuzz.sh`
/// and the inputs that crashed docgen before issue 14) through the fuzz entry point of that name:
/// each must return, whatever it holds, within a minute (20,000 unclosed spans once took minutes).
@Suite struct FuzzReplayTests {
    static let inputs: [String] = {
        let folder = TestSupport.fixtures.appendingPathComponent("fuzz")
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return targets.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
        }
    }()

    @Test func everyTargetHasInputs() {
        let targets = Set(Self.inputs.map { String($0.split(separator: "/")[0]) })
        #expect(targets == Set(FuzzTargets.all.keys), "one fixture folder per fuzz target")
    }

    @Test(.timeLimit(.minutes(1)), arguments: inputs)
    func keptInputRunsWithoutCrashing(_ input: String) throws {
        let target = try #require(FuzzTargets.all[String(input.split(separator: "/")[0])])
        let url = TestSupport.fixtures.appendingPathComponent("fuzz/\(input)")
        let bytes = try #require(FileManager.default.contents(atPath: url.path))
        target(Array(bytes))
    }
}
