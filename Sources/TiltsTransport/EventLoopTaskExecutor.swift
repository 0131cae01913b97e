public import NIOCore

/// A Swift `TaskExecutor` that runs jobs on one NIO event loop.
///
/// Handler tasks started with this executor preference run on the loop that owns their HTTP/2
/// connection. A handler that does not suspend (a health check, a cache read) then completes in one
/// pass with no thread hop, and its response is written from the same thread. Handlers must still
/// not block: blocking work awaits an actor or GRDB's own queue, which suspends the task.
///
/// Thread-safe: `enqueue` may be called from any thread.
public final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    public let eventLoop: any EventLoop

    public init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
