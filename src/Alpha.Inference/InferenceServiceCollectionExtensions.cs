using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alpha.Inference;

/// <summary>Registers inference with a host's services.</summary>
public static class InferenceServiceCollectionExtensions
{
    /// <summary>Adds the built-in predictor kinds (<c>pair-gbdt</c>, <c>direction-3class</c>) and the <see cref="PredictorKinds"/> set of every registered kind.</summary>
    public static IServiceCollection AddAlphaInference(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPredictorKind, PairGbdtKind>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPredictorKind, DirectionKind>());
        services.TryAddSingleton(provider => new PredictorKinds(provider.GetServices<IPredictorKind>()));
        return services;
    }

    /// <summary>Adds a predictor kind: a new kind of model is one class and this line.</summary>
    public static IServiceCollection AddPredictorKind<TKind>(this IServiceCollection services)
        where TKind : class, IPredictorKind
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPredictorKind, TKind>());
        return services.AddAlphaInference();
    }
}
