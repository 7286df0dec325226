using Portal.Core.Modules;

namespace Portal.Tests.Core.Modules;

public sealed class FeatureGraphTests
{
    private static FeatureDescriptor F(string id, params string[] dependencies) => new(id, id, "", "Test", dependencies);

    [Fact]
    public void Expanding_a_feature_pulls_in_its_dependencies_transitively()
    {
        var graph = new FeatureGraph([F("a"), F("b", "a"), F("c", "b"), F("d")]);

        Assert.Equal(new[] { "a", "b", "c" }, graph.Expand(["c"]).Order());
    }

    [Fact]
    public void Dependents_are_found_through_intermediate_features()
    {
        var graph = new FeatureGraph([F("a"), F("b", "a"), F("c", "b")]);

        var dependents = graph.EnabledDependents("a", new HashSet<string> { "a", "b", "c" });

        Assert.Equal(new[] { "b", "c" }, dependents.Select(f => f.Id).Order());
        Assert.Empty(graph.EnabledDependents("a", new HashSet<string> { "a" }));
    }

    [Fact]
    public void Ordered_puts_dependencies_first()
    {
        var graph = new FeatureGraph([F("c", "b"), F("b", "a"), F("a")]);
        var order = graph.Ordered.Select(f => f.Id).ToList();
        Assert.True(order.IndexOf("a") < order.IndexOf("b") && order.IndexOf("b") < order.IndexOf("c"));
    }

    [Fact]
    public void Always_on_features_include_what_they_need()
    {
        var graph = new FeatureGraph([F("base"), new FeatureDescriptor("core", "core", "", "Test", ["base"], AlwaysOn: true)]);
        Assert.Equal(new[] { "base", "core" }, graph.AlwaysOn.Order());
    }

    [Fact]
    public void A_cycle_is_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new FeatureGraph([F("a", "c"), F("b", "a"), F("c", "b")]));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_dependency_is_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new FeatureGraph([F("a", "ghost")]));
        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_declared_twice_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new FeatureGraph([F("a"), F("a")]));
    }
}
