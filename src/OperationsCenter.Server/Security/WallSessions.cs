using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.SignalR;

namespace OperationsCenter.Server.Security;

/// <summary>
/// The open hub connections and who holds them. A connection keeps the identity it connected with, so when a
/// person's entry or role is taken away, their live connection is closed: the page reconnects and meets the sign-in
/// check again (and the leaders' group is joined afresh by role).
/// </summary>
public sealed class WallSessions(UserDirectory users)
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    /// <summary>Records a new connection.</summary>
    public void Opened(HubCallerContext context) => _open[context.ConnectionId] = context;

    /// <summary>Forgets a closed connection.</summary>
    public void Closed(HubCallerContext context) => _open.TryRemove(context.ConnectionId, out _);

    /// <summary>True while the connection's person still has the access they connected with.</summary>
    public bool StillValid(HubCallerContext context) =>
        context.User is not { } user ||
        (users.Current(user, CookieAuthenticationDefaults.AuthenticationScheme) is { } current && UserDirectory.SameRoles(current, user));

    /// <summary>Closes every connection whose person lost their entry or a role; returns how many.</summary>
    public int CloseWithdrawn()
    {
        var closed = 0;
        foreach (var context in _open.Values)
        {
            if (!StillValid(context))
            {
                context.Abort();
                closed++;
            }
        }

        return closed;
    }
}
