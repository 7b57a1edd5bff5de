package org.perfjunit.sim.photonic;

/**
 * The two elementary steps of mesh decomposition: null one matrix entry by multiplying with an
 * MZI transfer matrix from the right ({@code V ← V·T⁻¹}, mixing two columns) or from the left
 * ({@code V ← T·V}, mixing two rows). Complex and real (orthogonal fast path) versions.
 *
 * <p>Each step writes the chosen {@code θ} and {@code φ} into {@code angles[0..1]}. The caller
 * passes the row or column range that can still be non-zero, which halves the work.
 */
final class MziNulling {

    private MziNulling() {
    }

    /** Nulls {@code V[r][m]} by mixing columns {@code m, m+1} over rows {@code 0..lastRow}. */
    static void nullRight(double[] re, double[] im, int n, int r, int m, int lastRow, double[] angles) {
        int ia = r * n + m;
        double ar = re[ia];
        double ai = im[ia];
        double br = re[ia + 1];
        double bi = im[ia + 1];
        double na = Math.sqrt(ar * ar + ai * ai);
        double nb = Math.sqrt(br * br + bi * bi);
        double h = Math.sqrt(na * na + nb * nb);
        double theta = Math.atan2(na, nb);
        // cos θ = |b|/h, sin θ = |a|/h and e^{iφ} = (a/|a|)·conj(b/|b|): no trigonometry in the hot path
        double c = h == 0 ? 1 : nb / h;
        double s = h == 0 ? 0 : na / h;
        double ur = na == 0 ? 1 : ar / na;
        double ui = na == 0 ? 0 : ai / na;
        double vr = nb == 0 ? 1 : br / nb;
        double vi = nb == 0 ? 0 : -bi / nb;
        double pr = ur * vr - ui * vi; // e^{-iφ} = pr − i·pi
        double pi = ur * vi + ui * vr;
        // φ from the same unit phases the rotation applies: atan2(a) − atan2(b) disagrees when a or b is a
        // signed zero (atan2(0, −0) = π), which broke unitaries with exact zeros (identity blocks, SVD completions)
        double phi = Math.atan2(pi, pr);
        for (int row = 0, idx = m; row <= lastRow; row++, idx += n) {
            double xr = re[idx];
            double xi = im[idx];
            double yr = re[idx + 1];
            double yi = im[idx + 1];
            double er = pr * xr + pi * xi; // e^{-iφ} x
            double ei = pr * xi - pi * xr;
            re[idx] = c * er - s * yr;
            im[idx] = c * ei - s * yi;
            re[idx + 1] = s * er + c * yr;
            im[idx + 1] = s * ei + c * yi;
        }
        re[ia] = 0;
        im[ia] = 0;
        angles[0] = theta;
        angles[1] = phi;
    }

    /** Nulls {@code V[r][c]} by mixing rows {@code r-1, r} over columns {@code c..n-1}. */
    static void nullLeft(double[] re, double[] im, int n, int r, int c, double[] angles) {
        int top = (r - 1) * n;
        int bottom = r * n;
        double ar = re[top + c];
        double ai = im[top + c];
        double br = re[bottom + c];
        double bi = im[bottom + c];
        double na = Math.sqrt(ar * ar + ai * ai);
        double nb = Math.sqrt(br * br + bi * bi);
        double h = Math.sqrt(na * na + nb * nb);
        double theta = Math.atan2(nb, na);
        double cs = h == 0 ? 1 : na / h;
        double sn = h == 0 ? 0 : nb / h;
        // e^{iφ} = −(b/|b|)·conj(a/|a|)
        double ur = nb == 0 ? 1 : br / nb;
        double ui = nb == 0 ? 0 : bi / nb;
        double vr = na == 0 ? 1 : ar / na;
        double vi = na == 0 ? 0 : -ai / na;
        double pr = -(ur * vr - ui * vi); // e^{iφ} = pr + i·pi
        double pi = -(ur * vi + ui * vr);
        double phi = Math.atan2(pi, pr); // from the applied phase, as in nullRight
        for (int col = c; col < n; col++) {
            double xr = re[top + col];
            double xi = im[top + col];
            double yr = re[bottom + col];
            double yi = im[bottom + col];
            double er = pr * xr - pi * xi;
            double ei = pr * xi + pi * xr;
            re[top + col] = cs * er - sn * yr;
            im[top + col] = cs * ei - sn * yi;
            re[bottom + col] = sn * er + cs * yr;
            im[bottom + col] = sn * ei + cs * yi;
        }
        re[bottom + c] = 0;
        im[bottom + c] = 0;
        angles[0] = theta;
        angles[1] = phi;
    }

    /** Real version of {@link #nullRight}: φ is 0 or π, so {@code e^{-iφ}} is a sign. */
    static void nullRight(double[] q, int n, int r, int m, int lastRow, double[] angles) {
        int ia = r * n + m;
        double a = q[ia];
        double b = q[ia + 1];
        double h = Math.sqrt(a * a + b * b);
        double theta = Math.atan2(Math.abs(a), Math.abs(b));
        double sign = (a < 0) != (b < 0) ? -1 : 1;
        double c = h == 0 ? 1 : Math.abs(b) / h;
        double s = h == 0 ? 0 : Math.abs(a) / h;
        double sc = sign * c;
        double ss = sign * s;
        for (int row = 0, idx = m; row <= lastRow; row++, idx += n) {
            double x = q[idx];
            double y = q[idx + 1];
            q[idx] = sc * x - s * y;
            q[idx + 1] = ss * x + c * y;
        }
        q[ia] = 0;
        angles[0] = theta;
        angles[1] = sign < 0 ? Math.PI : 0;
    }

    /** Real version of {@link #nullLeft}. */
    static void nullLeft(double[] q, int n, int r, int c, double[] angles) {
        int top = (r - 1) * n;
        int bottom = r * n;
        double a = q[top + c];
        double b = q[bottom + c];
        double h = Math.sqrt(a * a + b * b);
        double theta = Math.atan2(Math.abs(b), Math.abs(a));
        double sign = (a < 0) != (b < 0) ? 1 : -1; // e^{iφ} = −sgn(a)·sgn(b)
        double cs = h == 0 ? 1 : Math.abs(a) / h;
        double sn = h == 0 ? 0 : Math.abs(b) / h;
        double sc = sign * cs;
        double ss = sign * sn;
        for (int col = c; col < n; col++) {
            double x = q[top + col];
            double y = q[bottom + col];
            q[top + col] = sc * x - sn * y;
            q[bottom + col] = ss * x + cs * y;
        }
        q[bottom + c] = 0;
        angles[0] = theta;
        angles[1] = sign < 0 ? Math.PI : 0;
    }
}
