using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SelfDrivingLab.Hosting.Campaigns;

namespace SelfDrivingLab.Hosting.Tests.Campaigns;

/// <summary><c>Campaign:StopGracePeriod</c>: bound from configuration, validated at start-up, and added to the host's shutdown timeout.</summary>
public sealed class CampaignOptionsTests
{
    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("1.00:00:01")]
    public void Validate_GraceOutsideZeroToOneDay_Fails(string grace)
    {
        var result = new CampaignOptionsValidator().Validate(null, new CampaignOptions { StopGracePeriod = TimeSpan.Parse(grace, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains(nameof(CampaignOptions.StopGracePeriod), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCampaignOptions_FromConfiguration_BindsTheGraceAndLengthensTheShutdownTimeout()
    {
        using var provider = Services("00:05:00").BuildServiceProvider();

        Assert.Equal(TimeSpan.FromMinutes(5), provider.GetRequiredService<IOptions<CampaignOptions>>().Value.StopGracePeriod);
        Assert.Equal(SdlHostBuilder.ShutdownTimeout + TimeSpan.FromMinutes(5), provider.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public void AddCampaignOptions_InvalidGrace_RefusedWhenTheHostStartsNotWhenItIsBuilt()
    {
        using var provider = Services("-00:01:00").BuildServiceProvider();

        // The host reads its own options when it is built; that must not throw.
        Assert.Equal(SdlHostBuilder.ShutdownTimeout + Workflow.Campaigns.CampaignRunner.DefaultStopGracePeriod, provider.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(nameof(CampaignOptions.StopGracePeriod), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsTwoMinutes() => Assert.Equal(TimeSpan.FromMinutes(2), new CampaignOptions().StopGracePeriod);

    private static ServiceCollection Services(string grace)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Campaign:StopGracePeriod"] = grace }).Build());
        services.AddCampaignOptions();
        return services;
    }
}
