using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>What the reader reported for one line, captured so tests can assert on it after the ref struct is gone.</summary>
public sealed record ReadLine(int LineNumber, string Raw, bool IsValid, string? Error, LinePoint? Point);
