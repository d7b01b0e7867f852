namespace SelfDrivingLab.Optimization.Space;

/// <summary>
/// Decides whether a <see cref="SearchSpace"/>'s linear constraints, mixtures, bounds and integer grids leave any
/// point, and any room for random proposals, by linear programming (exact for continuous parameters and mixtures;
/// integer parameters by branch and bound over their grids, up to <see cref="MaxBranchNodes"/> programs). When the
/// answer is no, names a smallest set of constraints and mixtures that conflict (every one of them is needed for
/// the conflict). Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Categorical parameters and parameters in no constraint cannot make the space empty and are left out. "Room"
/// means a point that satisfies every linear constraint that involves a continuous parameter strictly: only then do
/// random draws (which the initial design and the candidate search use) land in the region with positive probability.
/// </remarks>
public static class SpaceFeasibility
{
    /// <summary>Linear programs solved for one integer search before the answer is <see cref="SpaceVerdict.Undecided"/>.</summary>
    public const int MaxBranchNodes = 2000;

    private const double Room = 1e-9;
    private const double IntegerTolerance = 1e-6;

    /// <summary>Analyzes <paramref name="space"/>; a space without linear constraints is always <see cref="SpaceVerdict.Open"/>.</summary>
    public static SpaceFeasibilityReport Analyze(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (space.Constraints.Count == 0)
        {
            return new SpaceFeasibilityReport(SpaceVerdict.Open, [], []);
        }

        var model = new Model(space);
        var all = model.Elements;
        var feasible = model.Search(all, interior: false);
        if (feasible == Answer.No)
        {
            return Conflict(model, SpaceVerdict.Empty, interior: false);
        }

        var open = model.Search(all, interior: true);
        return open switch
        {
            Answer.Yes => new SpaceFeasibilityReport(SpaceVerdict.Open, [], []),
            Answer.No when feasible == Answer.Yes => Conflict(model, SpaceVerdict.Thin, interior: true),
            _ => new SpaceFeasibilityReport(SpaceVerdict.Undecided, [], []),
        };
    }

    // Deletion filter: drop each element whose removal keeps the conflict; what remains is irreducible.
    private static SpaceFeasibilityReport Conflict(Model model, SpaceVerdict verdict, bool interior)
    {
        var kept = model.Elements.ToList();
        foreach (var element in model.Elements)
        {
            var without = kept.Where(e => e != element).ToList();
            if (model.Search(without, interior) == Answer.No)
            {
                kept = without;
            }
        }

        return new SpaceFeasibilityReport(
            verdict,
            [.. kept.Where(e => e.Constraint >= 0).Select(e => e.Constraint)],
            [.. kept.Where(e => e.Mixture >= 0).Select(e => e.Mixture)]);
    }

    private enum Answer
    {
        Yes,
        No,
        Unknown,
    }

    /// <summary>A linear constraint (<see cref="Constraint"/> ≥ 0) or a mixture (<see cref="Mixture"/> ≥ 0).</summary>
    private sealed record Element(int Constraint, int Mixture);

    /// <summary>
    /// The program in scaled variables: continuous and mixture parameters as u ∈ [0, 1] (value = low + width·u),
    /// integers as their grid index k ∈ [0, grid − 1] (value = low + step·k), and the room t ∈ [0, 1] last.
    /// </summary>
    private sealed class Model
    {
        private readonly List<(SpaceParameter Parameter, double Offset, double Scale, double Upper, bool Integer)> _variables = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly SearchSpace _space;

        public Model(SearchSpace space)
        {
            _space = space;
            var involved = space.Constraints.SelectMany(c => c.Coefficients.Keys).ToHashSet(StringComparer.Ordinal);
            var mixtures = Enumerable.Range(0, space.Mixtures.Count).Where(m => space.Mixtures[m].Components.Any(involved.Contains)).ToList();
            foreach (var m in mixtures)
            {
                involved.UnionWith(space.Mixtures[m].Components);
            }

            var mixtureTotal = mixtures.SelectMany(m => space.Mixtures[m].Components.Select(c => (c, space.Mixtures[m].Total)))
                .ToDictionary(x => x.c, x => x.Total, StringComparer.Ordinal);
            foreach (var parameter in space.Parameters.Where(p => involved.Contains(p.Name)))
            {
                _index[parameter.Name] = _variables.Count;
                _variables.Add(parameter switch
                {
                    ContinuousParameter when mixtureTotal.TryGetValue(parameter.Name, out var total) => (parameter, 0, total, 1, false),
                    ContinuousParameter c => (parameter, c.Low, c.High - c.Low, 1, false),
                    IntegerParameter i => (parameter, i.Low, i.Step, (i.High - i.Low) / i.Step, true),
                    _ => throw new InvalidOperationException($"Parameter '{parameter.Name}' cannot appear in a linear constraint."),
                });
            }

            Elements = [.. Enumerable.Range(0, space.Constraints.Count).Select(c => new Element(c, -1)), .. mixtures.Select(m => new Element(-1, m))];
        }

        public IReadOnlyList<Element> Elements { get; }

        private int Room => _variables.Count;

        /// <summary>Whether the elements leave a point on the integer grids (with room, when <paramref name="interior"/>).</summary>
        public Answer Search(IReadOnlyList<Element> elements, bool interior)
        {
            var rows = Rows(elements, interior);
            var objective = new double[_variables.Count + 1];
            objective[Room] = interior ? 1 : 0;
            var pending = new Stack<List<SimplexSolver.Row>>();
            pending.Push([]);
            for (var nodes = 0; pending.Count > 0; nodes++)
            {
                if (nodes >= MaxBranchNodes)
                {
                    return Answer.Unknown;
                }

                var branch = pending.Pop();
                var (status, point, value) = SimplexSolver.Maximize(objective, [.. rows, .. branch]);
                if (status != SimplexSolver.Status.Optimal || (interior && value <= SpaceFeasibility.Room))
                {
                    continue;
                }

                var fractional = Enumerable.Range(0, _variables.Count)
                    .FirstOrDefault(j => _variables[j].Integer && Math.Abs(point![j] - Math.Round(point[j])) > IntegerTolerance, -1);
                if (fractional < 0)
                {
                    return Answer.Yes;
                }

                var k = point![fractional];
                pending.Push([.. branch, new SimplexSolver.Row(Unit(fractional, -1), -Math.Ceiling(k))]);
                pending.Push([.. branch, new SimplexSolver.Row(Unit(fractional, 1), Math.Floor(k))]);
            }

            return Answer.No;
        }

        private List<SimplexSolver.Row> Rows(IReadOnlyList<Element> elements, bool interior)
        {
            var rows = new List<SimplexSolver.Row>();
            for (var j = 0; j < _variables.Count; j++)
            {
                rows.Add(new SimplexSolver.Row(Unit(j, 1), _variables[j].Upper));
            }

            rows.Add(new SimplexSolver.Row(Unit(Room, 1), 1));
            foreach (var element in elements)
            {
                rows.Add(element.Constraint >= 0 ? ConstraintRow(_space.Constraints[element.Constraint], interior) : MixtureRow(_space.Mixtures[element.Mixture]));
            }

            return rows;
        }

        private SimplexSolver.Row ConstraintRow(LinearConstraint constraint, bool interior)
        {
            var coefficients = new double[_variables.Count + 1];
            var bound = constraint.UpperBound;
            foreach (var (name, a) in constraint.Coefficients)
            {
                var j = _index[name];
                coefficients[j] += a * _variables[j].Scale;
                bound -= a * _variables[j].Offset;
            }

            // Scaled so the largest coefficient is 1; the room is the distance along the continuous directions.
            var largest = coefficients.Max(Math.Abs);
            for (var j = 0; j < coefficients.Length; j++)
            {
                coefficients[j] /= largest;
            }

            var continuous = Math.Sqrt(Enumerable.Range(0, _variables.Count).Where(j => !_variables[j].Integer).Sum(j => coefficients[j] * coefficients[j]));
            coefficients[Room] = interior ? continuous : 0;
            return new SimplexSolver.Row(coefficients, (bound / largest) + (Math.Abs(bound / largest) * 1e-12));
        }

        private SimplexSolver.Row MixtureRow(MixtureConstraint mixture)
        {
            var coefficients = new double[_variables.Count + 1];
            foreach (var component in mixture.Components)
            {
                coefficients[_index[component]] = 1;
            }

            return new SimplexSolver.Row(coefficients, 1, IsEquality: true);
        }

        private double[] Unit(int j, double value)
        {
            var row = new double[_variables.Count + 1];
            row[j] = value;
            return row;
        }
    }
}
