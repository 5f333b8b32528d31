namespace OperationsCenter.Server.LiveState;

/// <summary>A field name as the edge keeps it: its UTF-8 bytes and its one string, both shared by every series that has the field.</summary>
internal sealed record FieldName(byte[] Utf8, string Name);
