using System.Security.Claims;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Security;

/// <summary>Who did it, for audit records.</summary>
public static class PrincipalExtensions
{
    /// <summary>The signed-in person's name (their sign-in name), as audit records keep it.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.Identity?.Name is { Length: > 0 } name ? name : throw new InvalidOperationException("no signed-in user");

    /// <summary>The name shown on screens.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(UserDirectory.DisplayNameClaim) ?? user.Actor();

    /// <summary>The signed-in person as an alert records them: sign-in name for history, display name for screens.</summary>
    public static AlertActor ToAlertActor(this ClaimsPrincipal user) => new(user.Actor(), user.DisplayName());
}
