using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Tests.Security;

/// <summary>
/// Issue 11's last row against a running <c>sdl run</c> on the embedded broker: the broker's port is in
/// <c>&lt;ledger&gt;.control.json</c>, which any local user may read, so the port must give nothing without credentials,
/// and what does give access must be readable by the user alone.
/// </summary>
[Collection(VirtualClockCollection.Name)]
public sealed class EmbeddedHostSecurityTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunningHost_PortFromTheEndpointFile_RefusesAnyoneWithoutTheRunsCredentials()
    {
        var definition = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var ledgerPath = _dir.File("ledger.db");
        using var held = new CampaignHeldAtFirstResult(Bound);
        var run = CampaignHost.RunAsync(new CampaignHostSettings(definition) { LedgerPath = ledgerPath }, held);
        await held.FirstResult.WaitAsync(Bound);
        string? credentialsFile = null;
        try
        {
            var endpoint = ControlEndpoint.Read(ledgerPath);
            Assert.True(endpoint.Tls, "the embedded broker serves plain TCP");

            // With the broker's own certificate trusted, so that only the credentials stand in the way.
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectResultAsync(endpoint, null, null));
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectResultAsync(endpoint, "printer-1", "printer-1"));
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectResultAsync(endpoint, "operator", ""));
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectResultAsync(endpoint, "orchestrator", "orchestrator"));

            // What does let one in is the user's alone: the operator's credentials, and nothing else next to the ledger.
            Assert.NotNull(endpoint.CredentialsFile);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(endpoint.CredentialsFile));
            }

            var credentials = Transport.Mqtt.Security.BrokerCredentials.Read(endpoint.CredentialsFile);
            Assert.Equal(["operator"], credentials.UserNames);
            Assert.Equal(MqttClientConnectResultCode.Success, await ConnectResultAsync(endpoint, "operator", credentials.PasswordOf("operator")));
            credentialsFile = endpoint.CredentialsFile;
        }
        finally
        {
            held.Release();
        }

        var summary = await run.WaitAsync(Bound);
        Assert.Equal(CampaignStatus.Completed, summary.Status);
        Assert.Equal(definition.Budget, summary.Completed + summary.Failed);
        Assert.False(File.Exists(credentialsFile), "the run's operator credentials outlived it");
        Assert.All(
            [".operator.json", ".broker.pem", ".control.json"],
            suffix => Assert.False(File.Exists(ledgerPath + suffix), $"{suffix} outlived the run"));
    }

    private static async Task<MqttClientConnectResultCode> ConnectResultAsync(ControlEndpoint endpoint, string? userName, string? password)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(endpoint.CaFile!));
        var builder = new MqttClientOptionsBuilder().WithTcpServer(endpoint.Host, endpoint.Port)
            .WithClientId($"local-user-{Guid.NewGuid():N}")
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithTlsOptions(tls => tls.WithCertificateValidationHandler(e => e.Certificate?.GetCertHashString() == certificate.GetCertHashString()));
        if (userName is not null)
        {
            builder.WithCredentials(userName, password);
        }

        using var client = new MqttClientFactory().CreateMqttClient();
        return (await client.ConnectAsync(builder.Build())).ResultCode;
    }
}
