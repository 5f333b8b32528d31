namespace OperationsCenter.Server.Security;

/// <summary>Body of <c>POST /auth/login</c>.</summary>
public sealed record SignInRequest(string? Name, string? Password);
