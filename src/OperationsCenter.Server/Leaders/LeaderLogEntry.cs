using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Leaders;

/// <summary>An alert leaders were told about, as the leader view lists it.</summary>
/// <param name="Kind">The last notice leaders got about it (firing, escalated, repeat, resolved).</param>
/// <param name="Alert">The alert as it is now (or as it ended).</param>
/// <param name="NotifiedAt">When leaders got that notice.</param>
public sealed record LeaderLogEntry(NoticeKind Kind, AlertView Alert, DateTimeOffset NotifiedAt);
