using System.Runtime.InteropServices;

namespace Alpha.Boosting.XGBoost;

/// <summary>An XGBoost DMatrix, freed with XGDMatrixFree.</summary>
internal sealed class DMatrixHandle : SafeHandle
{
    public DMatrixHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>A dense float matrix (row-major); NaN is missing.</summary>
    public static unsafe DMatrixHandle FromDense(ReadOnlySpan<float> values, int rows, int columns)
    {
        IntPtr raw;
        fixed (float* data = values)
        {
            NativeMethods.Check(NativeMethods.XGDMatrixCreateFromMat(data, (ulong)rows, (ulong)columns, float.NaN, out raw), "XGDMatrixCreateFromMat");
        }

        var matrix = new DMatrixHandle();
        matrix.SetHandle(raw);
        return matrix;
    }

    /// <summary>Sets a float field: "label", "weight" or "base_margin".</summary>
    public unsafe void SetInfo(string field, ReadOnlySpan<float> values)
    {
        fixed (float* data = values)
        {
            NativeMethods.Check(NativeMethods.XGDMatrixSetFloatInfo(this, field, data, (ulong)values.Length), $"XGDMatrixSetFloatInfo({field})");
        }
    }

    protected override bool ReleaseHandle() => NativeMethods.XGDMatrixFree(handle) == 0;
}
