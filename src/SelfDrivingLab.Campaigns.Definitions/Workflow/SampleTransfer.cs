using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// The sample shipped to another site of the facility (a workflow step <c>transfer: { to: lab-b, duration: 2h }</c>): the
/// step sends no command; it takes <paramref name="Duration"/> on the campaign's clock and is recorded in the experiment's
/// timeline like any step, and the steps after it run at <paramref name="To"/> unless they name a site. Immutable.
/// </summary>
/// <param name="To">The site the sample arrives at.</param>
/// <param name="Duration">How long the shipment takes (zero: a hand-over at once).</param>
public sealed record SampleTransfer(SiteId To, TimeSpan Duration);
