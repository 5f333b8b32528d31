namespace OperationsCenter.Grains.Alerts;

/// <summary>How often stored reminders wake silence watches and escalations (<c>OperationsCenter:Alerts:Reminders</c>).</summary>
public sealed class AlertReminderOptions
{
    /// <summary>
    /// Reminder period: the longest a silent series or an escalating alert waits to be woken after a restart.
    /// Orleans' own minimum is lowered to match when this is shorter than a minute.
    /// </summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);
}
