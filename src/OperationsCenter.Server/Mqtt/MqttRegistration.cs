namespace OperationsCenter.Server.Mqtt;

/// <summary>Registers the MQTT endpoint (<c>OperationsCenter:Mqtt</c>).</summary>
internal static class MqttRegistration
{
    /// <summary>Adds the broker as a hosted service, its ingest and its refusal counts.</summary>
    public static IServiceCollection AddMqttIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MqttOptions>(configuration.GetSection("OperationsCenter:Mqtt"));
        services.AddSingleton<MqttRefusals>();
        services.AddSingleton<MqttIngest>();
        services.AddSingleton<MqttMetrics>();
        services.AddSingleton<MqttBroker>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttBroker>());
        services.AddHostedService<MqttBridge>();
        return services;
    }
}
