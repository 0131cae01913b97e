internal import Foundation
internal import Synchronization
internal import TiltsMessages
internal import TiltsRPC

/// Serves one synthetic stream as `<service>/WatchEvents`: the history generated on the fly from
/// ``SyntheticPilot`` (sequence numbers from 1, `after_sequence` and `kinds` honoured), then an idle
/// live tail until the caller cancels. Records the last sequence once the history is written.
final class EventFeed: RPCService, Sendable {
    let pilot: SyntheticPilot
    let stream: SyntheticPilot.Stream
    let serviceName: String
    /// The last sequence once known, and the sequence before each child's first event (so a
    /// resumed stream starts at the right child instead of regenerating everything before it).
    private let state = Mutex<(last: Int64?, starts: [Int64])>((nil, []))

    init(pilot: SyntheticPilot, stream: SyntheticPilot.Stream) {
        self.pilot = pilot
        self.stream = stream
        serviceName = switch stream {
        case .referral: "tilts.referral.v1.ReferralService"
        case .meeting: "tilts.meeting.v1.MeetingService"
        case .assessment: "tilts.assessment.v1.AssessmentService"
        }
    }

    /// The stream's last sequence, once known.
    var lastSequence: Int64? { state.withLock { $0.last } }

    var methods: [ServerMethod] {
        [.serverStreaming(MethodDescriptor(service: serviceName, method: "WatchEvents"), watch)]
    }

    @Sendable func watch(_ request: WatchEventsRequest, _ call: ServerCall, _ writer: ResponseWriter<Event>) async throws {
        let kinds = Set(request.kinds)
        var event = Event()
        event.source = stream.rawValue
        let (known, starts) = state.withLock { ($0.last, $0.starts) }
        var first = 0
        if known != nil, request.afterSequence > 0 {
            // The last child whose events start at or before the cursor.
            var low = 0
            var high = starts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= request.afterSequence { low = middle } else { high = middle - 1 }
            }
            first = low
        }
        var sequence: Int64 = first < starts.count ? starts[first] : 0
        var recorded: [Int64] = []
        if known == nil { recorded.reserveCapacity(pilot.cases) }
        for child in first..<pilot.cases {
            if known == nil { recorded.append(sequence) }
            for item in pilot.events(stream, child: child) {
                sequence += 1
                guard sequence > request.afterSequence, kinds.isEmpty || kinds.contains(item.kind) else { continue }
                event.sequence = sequence
                event.kind = item.kind
                event.caseID = item.caseID
                event.payload = item.payload
                try await writer.write(event)
            }
        }
        let total = sequence
        state.withLock { state in
            if state.last == nil, first == 0 {
                state.last = total
                state.starts = recorded
            }
        }
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(1))
        }
    }
}
