internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl meeting …`: the pilot's inter-institutional meetings.
struct MeetingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Schedule, minute and follow the pilot's meetings.",
        subcommands: [
            MeetingScheduleCommand.self, MeetingRescheduleCommand.self, MeetingCancelCommand.self,
            MeetingMinutesCommand.self, MeetingAddendumCommand.self, MeetingActionDoneCommand.self, MeetingGetCommand.self,
            MeetingListCommand.self, MeetingDueCommand.self, MeetingCalendarCommand.self, MeetingPlanReviewCommand.self,
        ])

    static let service = MeetingAPI.serviceName

    static func table(_ meetings: [Meeting]) -> String {
        var table = Table(["MEETING", "KIND", "STATUS", "CASE", "REFERRAL", "MUNICIPALITY", "STARTS", "IN WINDOW"])
        for meeting in meetings {
            table.add([
                meeting.meetingID, meeting.kind.description, meeting.status.description, meeting.caseID, meeting.referralID,
                meeting.municipality, meeting.startsAt.text, meeting.inWindow ? "yes" : "no",
            ])
        }
        return table.text
    }

    static func detail(_ meeting: Meeting) -> String {
        var text = Table.fields([
            ("meeting", meeting.meetingID), ("kind", meeting.kind.description), ("status", meeting.status.description),
            ("case", meeting.caseID), ("referral", meeting.referralID), ("municipality", meeting.municipality),
            ("quarter", meeting.quarter == 0 ? "" : String(meeting.quarter)), ("starts", meeting.startsAt.text),
            ("minutes long", meeting.durationMinutes == 0 ? "" : String(meeting.durationMinutes)),
            ("mode", meeting.mode.description), ("place", meeting.place), ("remote link", meeting.remoteLink),
            ("window", meeting.window.map { "\($0.first) … \($0.last)" } ?? ""),
            ("in window", meeting.inWindow ? "yes" : "no: \(meeting.outsideWindowReason)"),
            ("convened by", meeting.convenedBy.description),
            ("minutes", meeting.minutes.map { "\($0.finalised ? "final" : "draft"), held \($0.heldOn)\($0.planApproved ? ", plan approved" : "")" } ?? ""),
            ("cancelled", meeting.cancellationReason),
        ])
        if !meeting.participants.isEmpty {
            var table = Table(["PARTICIPANT", "INSTITUTION", "NAME", "MUNICIPALITY"])
            for participant in meeting.participants {
                table.add([participant.participantID, participant.institution.description, participant.institutionName, participant.municipality])
            }
            text += "\n\n" + table.text
        }
        if let actions = meeting.minutes?.actions, !actions.isEmpty {
            let done = Set(meeting.completedActions.map(\.actionID))
            var table = Table(["ACTION", "DUE", "OWNER", "DONE", "DESCRIPTION"])
            for action in actions {
                table.add([action.actionID, action.dueOn, action.ownerInstitution.description, done.contains(action.actionID) ? "yes" : "no", action.description])
            }
            text += "\n\n" + table.text
        }
        return text
    }
}
