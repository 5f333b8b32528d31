using OperationsCenter.Simulator;

var command = SimulatorOptions.Command();
command.SetAction((result, _) => FeedRun.RunAsync(SimulatorOptions.From(result)));
return await command.Parse(args).InvokeAsync();
