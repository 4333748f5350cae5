import XCTest
import SverkaSyntax

/// The deepest input the parser accepts must parse on a small stack: a secondary thread's
/// 512 KB in an optimised build (it needs about 240 KB), 2 MB unoptimised (about 1.2 MB).
final class StackDepthTests: XCTestCase {
    func testMaximumNestingFitsInASmallStack() {
        let levels = 199
        let texts = [
            "from d | where " + String(repeating: "(", count: levels) + "a" + String(repeating: ")", count: levels),
            "from d | where " + String(repeating: "f(", count: levels) + "a" + String(repeating: ")", count: levels),
            "from d | where " + String(repeating: "not -(", count: levels / 3) + "a" + String(repeating: ")", count: levels / 3),
            "load \"x\" as x with (a: " + String(repeating: "(", count: levels - 1) + String(repeating: ")", count: levels - 1) + ")",
        ]
        let outcome = OnSmallStack.run {
            texts.map { text -> Bool in
                (try? Fixture.parser.parse(SourceText(name: "deep", text: text))) != nil
            }
        }
        XCTAssertEqual(outcome, [true, true, true, true])
    }

    func testRefusingTooDeepInputFitsInASmallStack() {
        let text = "from d | where " + String(repeating: "(", count: 10_000) + "a"
        let outcome = OnSmallStack.run {
            (try? Fixture.parser.parse(SourceText(name: "deep", text: text))) == nil
        }
        XCTAssertEqual(outcome, true)
    }
}

/// Runs work on a thread with a small stack and waits for its result.
enum OnSmallStack {
    #if DEBUG
    static let stackSize = 2048 * 1024
    #else
    static let stackSize = 512 * 1024
    #endif

    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.set(work())
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.get()
    }
}

/// Hands a value from the worker thread back; the semaphore orders the accesses.
final class ResultBox<T: Sendable>: @unchecked Sendable {
    private var value: T?
    private let lock = NSLock()

    func set(_ newValue: T) { lock.withLock { value = newValue } }
    func get() -> T? { lock.withLock { value } }
}
