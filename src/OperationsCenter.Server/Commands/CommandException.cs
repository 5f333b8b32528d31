namespace OperationsCenter.Server.Commands;

/// <summary>A command line that cannot be run as given; the message says what to fix.</summary>
public sealed class CommandException(string message) : Exception(message);
