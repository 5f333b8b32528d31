using Microsoft.Extensions.Logging;

namespace OperationsCenter.Grains.Alerts;

/// <summary>Sends evaluators' reports to their alerts; one that does not get through is handed back to be sent again.</summary>
internal static partial class AlertSignals
{
    /// <summary>
    /// Sends each signal to its alert. A failure (the alert cannot load its state, a timeout) is logged and passed to
    /// <paramref name="unsent"/>, so the evaluator reports that condition again on its next evaluation; the rest go on.
    /// </summary>
    public static async Task SendAsync(IGrainFactory grains, IEnumerable<AlertSignal> signals, Action<AlertSignal> unsent, ILogger logger)
    {
        foreach (var signal in signals)
        {
            try
            {
                await grains.GetGrain<IAlertGrain>(AlertFingerprint.Of(signal.RuleName, signal.Labels)).Signal(signal);
            }
            catch (Exception ex)
            {
                unsent(signal);
                LogUnsent(logger, signal.RuleName, signal.Source.Key, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule {Rule} on {Source}: its condition did not reach the alert and is sent again on the next evaluation: {Error}")]
    private static partial void LogUnsent(ILogger logger, string rule, string source, string error);
}
