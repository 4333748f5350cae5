import Foundation
import XCTest
@testable import SverkaShell

/// Counts calls from the watcher thread.
private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    let called = DispatchSemaphore(value: 0)

    func call() {
        lock.lock()
        count += 1
        lock.unlock()
        called.signal()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

final class InteractiveInterruptTests: XCTestCase {
    func testCtrlCDuringAStatementCallsItsInterruptFromTheWatcher() {
        let counter = CallCounter()
        let result = InterruptWatcher.shared.whileRunning(onInterrupt: { counter.call() }) { () -> Bool in
            raise(SIGINT)
            let answered = counter.called.wait(timeout: .now() + 5) == .success
            XCTAssertTrue(InterruptWatcher.shared.isInterruptRequested)
            return answered
        }
        XCTAssertTrue(result)
        XCTAssertEqual(counter.value, 1)
    }

    func testNoCallAfterTheStatementEndsOrForCtrlCBeforeItBegan() {
        let counter = CallCounter()
        InterruptWatcher.shared.whileRunning(onInterrupt: { counter.call() }) {}
        // Ctrl-C between statements (at the prompt) leaves a byte in the wake pipe.
        raise(SIGINT)
        XCTAssertEqual(counter.called.wait(timeout: .now() + 0.3), .timedOut)

        let later = CallCounter()
        InterruptWatcher.shared.whileRunning(onInterrupt: { later.call() }) {
            XCTAssertFalse(InterruptWatcher.shared.isInterruptRequested)
            XCTAssertEqual(later.called.wait(timeout: .now() + 0.3), .timedOut)
        }
        XCTAssertEqual(counter.value, 0)
        XCTAssertEqual(later.value, 0)
    }

    func testTheFlagTellsAPromptInterruptFromEndOfInput() {
        InterruptSignal.install()
        InterruptSignal.takePending()
        XCTAssertFalse(InterruptSignal.takePending())
        raise(SIGINT)
        XCTAssertTrue(InterruptSignal.takePending())
        XCTAssertFalse(InterruptSignal.takePending())
    }
}
