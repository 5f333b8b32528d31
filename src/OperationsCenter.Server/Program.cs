using OperationsCenter.Server.Commands;
using OperationsCenter.Server.Hosting;

if (AdminCommand.TryRun(args, Console.In, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddOperationsCenter();

var app = builder.Build();
app.MapOperationsCenter();
app.Run();
return 0;

/// <summary>Entry point; public so tests can host the app.</summary>
public partial class Program;
