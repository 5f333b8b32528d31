using OperationsCenter.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOperationsCenter();

var app = builder.Build();
app.MapOperationsCenter();
app.Run();

/// <summary>Entry point; public so tests can host the app.</summary>
public partial class Program;
