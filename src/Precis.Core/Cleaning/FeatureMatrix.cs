using System.Buffers;
using System.Numerics;

namespace Precis.Cleaning;

/// <summary>
/// The features of every line of a page, stored by column (one run of floats per feature, padded to the
/// SIMD width), so <see cref="BoostedTrees"/> can compare a feature of many lines against a threshold in
/// one vector instruction. The storage is rented from the shared array pool: dispose the matrix (in a
/// <c>using</c>) to return it. Rows past <see cref="Rows"/> hold whatever the pool left there; they are
/// scored with the rest of their vector and ignored.
/// </summary>
internal sealed class FeatureMatrix : IDisposable
{
    private float[]? _columns;

    public FeatureMatrix(int rows, int width)
    {
        Rows = rows;
        Width = width;
        Stride = (rows + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        _columns = ArrayPool<float>.Shared.Rent(Math.Max(1, Stride * width));
    }

    public int Rows { get; }
    public int Width { get; }

    /// <summary>Length of one column: <see cref="Rows"/> rounded up to a whole number of vectors.</summary>
    public int Stride { get; }

    public Span<float> Columns => (_columns ?? throw new ObjectDisposedException(nameof(FeatureMatrix))).AsSpan(0, Stride * Width);

    /// <summary>Writes <paramref name="values"/> into a row, from column <paramref name="firstColumn"/> on.</summary>
    public void SetRow(int row, ReadOnlySpan<float> values, int firstColumn = 0)
    {
        var columns = Columns;
        for (int f = 0; f < values.Length; f++) columns[(firstColumn + f) * Stride + row] = values[f];
    }

    public void GetRow(int row, Span<float> values)
    {
        var columns = Columns;
        for (int f = 0; f < values.Length; f++) values[f] = columns[f * Stride + row];
    }

    public void Dispose()
    {
        if (_columns is null) return;
        ArrayPool<float>.Shared.Return(_columns);
        _columns = null;
    }
}
