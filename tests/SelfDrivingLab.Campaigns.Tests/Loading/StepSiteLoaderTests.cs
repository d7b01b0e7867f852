using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using static SelfDrivingLab.Campaigns.Tests.CampaignFiles;

namespace SelfDrivingLab.Campaigns.Tests.Loading;

/// <summary>Issue 14 item 2: a step may name the site whose instruments run it.</summary>
public sealed class StepSiteLoaderTests : IDisposable
{
    private const string SynthesisParameters = "    parameters: { n: $n, theta: $theta, nozzle: 0.4, label: \"0.5\", note: fast }";

    private readonly CampaignFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Parse_StepWithASite_ReadsItAndOtherStepsHaveNone()
    {
        var campaign = _files.Parse(QuickstartWith(SynthesisParameters, SynthesisParameters + "\n    site: lab-b"));

        Assert.Equal(new SiteId("lab-b"), campaign.Steps[0].Site);
        Assert.Null(campaign.Steps[1].Site);
    }

    [Fact]
    public void Parse_InvalidSite_ErrorNamesTheStepsSite()
    {
        var yaml = QuickstartWith(SynthesisParameters, SynthesisParameters + "\n    site: lab/b");

        var error = Assert.Single(_files.Fail(yaml).Errors);

        Assert.EndsWith(".site", error.Path, StringComparison.Ordinal);
        Assert.Contains("'lab/b' is not a valid site id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_StepSite_IsAFactOnlyWhenGiven()
    {
        var local = _files.Parse(Quickstart);
        var remote = _files.Parse(QuickstartWith(SynthesisParameters, SynthesisParameters + "\n    site: lab-b"));

        Assert.Contains(new KeyValuePair<string, string>("workflow[0].site", "lab-b"), CampaignIdentity.Of(remote).Facts);
        Assert.DoesNotContain(CampaignIdentity.Of(local).Facts, f => f.Key.EndsWith(".site", StringComparison.Ordinal));
    }
}
