namespace OperationsCenter.Server.Tests.Leaders;

/// <summary>One push the stand-in push service received.</summary>
internal sealed record ReceivedPush(string Id, string Authorization, string ContentEncoding, string Ttl, byte[] Body);
