namespace OperationsCenter.Server.Api;

/// <summary>An API error: what is wrong and what to do.</summary>
public sealed record ApiError(string Error);
