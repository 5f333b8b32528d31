namespace OperationsCenter.Simulator;

/// <summary>
/// The demo's keys: derived from the department id so the demo settings can hold their hashes. Demo only;
/// real keys are random and issued per department.
/// </summary>
internal static class DemoKeys
{
    public static string For(string department) => "demo-key-" + department;
}
