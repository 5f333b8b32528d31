namespace OperationsCenter.Server.Tests.Notifications;

/// <summary>One POST a test receiver got.</summary>
internal sealed record RecordedRequest(string Path, string? Authorization, string? ContentType, string Body);
