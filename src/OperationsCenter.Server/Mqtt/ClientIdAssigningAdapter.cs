using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace OperationsCenter.Server.Mqtt;

/// <summary>
/// MQTTnet's TCP listener, with one fix of the protocol: a client may connect with an empty client id (MQTT 3.1.1 with a
/// clean session, or MQTT 5), and the server must then assign one [MQTT-3.1.3-6]. MQTTnet refuses it for 3.1.1
/// ("identifier rejected", and mosquitto_pub 2.x sends an empty id by default), and for MQTT 5 answers a refused key
/// with "client identifier not valid" instead of the key's refusal. The CONNECT packet is given an id here, before
/// MQTTnet reads it.
/// </summary>
internal sealed class ClientIdAssigningAdapter(IMqttServerAdapter inner) : IMqttServerAdapter
{
    /// <summary>How an id the server assigned starts (an MQTT 5 client is told it in the CONNACK).</summary>
    public const string AssignedPrefix = "oc-assigned-";

    /// <inheritdoc />
    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <inheritdoc />
    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        inner.ClientHandler = channel => ClientHandler is { } handler ? handler(new Channel(channel)) : Task.CompletedTask;
        return inner.StartAsync(options, logger);
    }

    /// <inheritdoc />
    public Task StopAsync() => inner.StopAsync();

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();

    private sealed class Channel(IMqttChannelAdapter inner) : IMqttChannelAdapter
    {
        private bool _connectSeen;

        public long BytesReceived => inner.BytesReceived;

        public long BytesSent => inner.BytesSent;

        public X509Certificate2? ClientCertificate => inner.ClientCertificate;

        public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

        public EndPoint LocalEndPoint => inner.LocalEndPoint;

        public bool IsSecureConnection => inner.IsSecureConnection;

        public MqttPacketFormatterAdapter PacketFormatterAdapter => inner.PacketFormatterAdapter;

        public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

        public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

        public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
        {
            var packet = await inner.ReceivePacketAsync(cancellationToken);
            if (!_connectSeen && packet is MqttConnectPacket connect)
            {
                _connectSeen = true;
                var v5 = PacketFormatterAdapter.ProtocolVersion == MqttProtocolVersion.V500;
                if (string.IsNullOrEmpty(connect.ClientId) && (connect.CleanSession || v5))
                {
                    connect.ClientId = AssignedPrefix + Guid.NewGuid().ToString("N");
                }
            }

            return packet;
        }

        public void ResetStatistics() => inner.ResetStatistics();

        public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken) => inner.SendPacketAsync(packet, cancellationToken);

        public void Dispose() => inner.Dispose();
    }
}
