using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests;

public sealed class LedgerServiceCollectionExtensionsTests : IDisposable
{
    private readonly LedgerTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void LedgerOptions_Default_IsDotSdlLedgerDb() =>
        Assert.Equal(".sdl/ledger.db", new LedgerOptions().Path);

    [Fact]
    public async Task AddSqliteLedger_HostStarts_OpensFileAndLedgerWorks()
    {
        using var host = BuildHost(o => o.Path = _files.LedgerPath);

        await host.StartAsync();
        Assert.True(File.Exists(_files.LedgerPath));
        var ledger = host.Services.GetRequiredService<ILedger>();
        await ledger.CreateCampaignAsync(Campaign());

        Assert.Equal(_files.LedgerPath, ledger.Location);
        Assert.Equal(Campaign(), await ledger.FindCampaignAsync(new CampaignId("c1")));
        await host.StopAsync();
    }

    [Fact]
    public async Task AddSqliteLedger_WithoutHost_OpensOnFirstUse()
    {
        var services = new ServiceCollection().AddLogging().AddSqliteLedger(o => o.Path = _files.LedgerPath);
        await using var provider = services.BuildServiceProvider();
        var ledger = provider.GetRequiredService<ILedger>();
        Assert.False(File.Exists(_files.LedgerPath));

        await ledger.CreateCampaignAsync(Campaign());

        Assert.True(File.Exists(_files.LedgerPath));
        Assert.Same(ledger, provider.GetRequiredService<ILedger>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AddSqliteLedger_EmptyPath_HostStartFailsNamingOption(string path)
    {
        using var host = BuildHost(o => o.Path = path);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Ledger:Path", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSqliteLedger_PathIsDirectory_HostStartFails()
    {
        using var host = BuildHost(o => o.Path = _files.Directory);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("is a directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSqliteLedger_FileIsNotALedger_HostStartFails()
    {
        var path = Path.Combine(_files.Directory, "junk.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));
        using var host = BuildHost(o => o.Path = path);

        await Assert.ThrowsAsync<LedgerException>(() => host.StartAsync());
    }

    private static IHost BuildHost(Action<LedgerOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSqliteLedger(configure);
        return builder.Build();
    }
}
