/*
 * crbn_kernels.cl -- the counting kernels of crbn, written once in OpenCL C 1.2.
 *
 * The same source is
 *   - built at run time by the OpenCL backend (PoCL in CI, any GPU ICD), and
 *   - compiled to PTX at build time with clang-15 + libclc (target nvptx64--nvidiacl) for the CUDA backend.
 * The managed CPU backend (src/CrbnVariantCaller.Compute/Cpu) implements the very same rules in C#;
 * the parity suite checks that every integer output is identical.
 *
 * Data layout (structure of arrays, one entry per read r unless noted; see ReadBatch.cs):
 *   ref_ids[r]     int    BAM refID (-1 unmapped)
 *   starts[r]      int    0-based leftmost reference position (BAM pos)
 *   ends[r]        int    0-based exclusive reference end (pos + reference length of the CIGAR)
 *   flags[r]       ushort SAM FLAG
 *   mapqs[r]       uchar  MAPQ
 *   cig_off[r..r+1] int   range of read r in cigars[] (uint32 len<<4|op, exactly as BAM stores it)
 *   seq_off[r]     int    byte offset of read r in seqs[] (4-bit packed, high nibble first, as BAM stores it)
 *   qual_off[r]    int    offset of read r in quals[] (one byte per base)
 *   seq_lens[r]    int    l_seq
 * Every kernel guards against get_global_id(0) >= n, so any global size >= n may be launched.
 * Only 32-bit integer atomics are used (atomic_inc/atomic_add/atomic_sub on __global int).
 */

#define OP_M 0u
#define OP_I 1u
#define OP_D 2u
#define OP_N 3u
#define OP_S 4u
#define OP_H 5u
#define OP_P 6u
#define OP_EQ 7u
#define OP_X 8u

#define FLAG_PAIRED 0x1
#define FLAG_PROPER 0x2
#define FLAG_UNMAP 0x4
#define FLAG_MUNMAP 0x8
#define FLAG_REVERSE 0x10
#define FLAG_READ2 0x80
#define FLAG_SECONDARY 0x100
#define FLAG_DUP 0x400
#define FLAG_SUPPLEMENTARY 0x800

/* pileup channels per position: (A,C,G,T,N,DEL,INS) x (forward, reverse) */
#define PILEUP_CHANNELS 14
#define CH_DEL 5
#define CH_INS 6

/* feature assignment codes (>= 0 is a gene index) */
#define FC_NO_FEATURES (-1)
#define FC_AMBIGUOUS (-2)
#define FC_MULTIMAPPING (-3)
#define FC_MAPPING_QUALITY (-4)
#define FC_UNMAPPED (-5)
#define FC_DUPLICATE (-6)
#define FC_COUNTED_WITH_MATE (-7)
#define FC_SECONDARY (-8)

int cig_op(uint c) { return (int)(c & 0xFu); }
int cig_len(uint c) { return (int)(c >> 4); }
int is_match_op(uint op) { return op == OP_M || op == OP_EQ || op == OP_X; }

/* The read filter shared by pileup, coverage and junctions (ReadFilter.cs). */
int read_passes(ushort flag, uchar mapq, int ref_id, int min_mapq, int exclude_flags, int require_flags,
                       int skip_anomalous_pairs)
{
    if (ref_id < 0 || (flag & FLAG_UNMAP) != 0) return 0;
    if ((flag & exclude_flags) != 0) return 0;
    if ((flag & require_flags) != require_flags) return 0;
    if ((int)mapq < min_mapq) return 0;
    if (skip_anomalous_pairs && (flag & FLAG_PAIRED) != 0 && (flag & FLAG_PROPER) == 0) return 0;
    return 1;
}

/* 4-bit base code -> channel 0..4 (A, C, G, T, anything else = N). */
int base_channel(int code)
{
    switch (code) {
    case 1: return 0;
    case 2: return 1;
    case 4: return 2;
    case 8: return 3;
    default: return 4;
    }
}

int packed_base(__global const uchar* seq, int i)
{
    uchar b = seq[i >> 1];
    return (i & 1) ? (b & 0xF) : (b >> 4);
}

/*
 * Length of the insertion that htslib's pileup attaches to the last reference position of CIGAR op k
 * (resolve_cigar2 "peek the next operation"): I ops directly after op k (pads in between allowed),
 * or, when a pad follows, every I up to the next reference-consuming op.
 */
int insertion_after(__global const uint* cig, int k, int end)
{
    if (k + 1 >= end) return 0;
    uint op2 = cig[k + 1] & 0xFu;
    if (op2 == OP_I) {
        int len = cig_len(cig[k + 1]);
        for (int j = k + 2; j < end; ++j) {
            uint o = cig[j] & 0xFu;
            if (o == OP_I) len += cig_len(cig[j]);
            else if (o != OP_P) break;
        }
        return len;
    }
    if (op2 == OP_P && k + 2 < end) {
        int len = 0;
        for (int j = k + 2; j < end; ++j) {
            uint o = cig[j] & 0xFu;
            if (o == OP_I) len += cig_len(cig[j]);
            else if (o == OP_D || o == OP_M || o == OP_N || o == OP_EQ || o == OP_X) break;
        }
        return len;
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------------
 * Overlapping mates (htslib tweak_overlap_quality), one work-item per pair (a = the mate seen first).
 * eff_quals starts as a copy of quals; only bases of a and b are written, and each read belongs to at
 * most one pair, so work-items never touch the same bytes.
 * ------------------------------------------------------------------------------------------------ */

/* cursor over the CIGAR of one read: mirrors cigar_iref2iseq_set/next of htslib */
typedef struct {
    int k;    /* current CIGAR index */
    int end;  /* one past the last CIGAR index */
    int icig; /* offset inside op k */
    int iseq; /* query index */
    int iref; /* reference offset from the read start (-1 when done) */
} olap_cursor;

int olap_set(__global const uint* cig, olap_cursor* c, int pos)
{
    if (pos < 0) return -1;
    c->icig = 0; c->iseq = 0; c->iref = 0;
    while (c->k < c->end) {
        uint op = cig[c->k] & 0xFu;
        int n = cig_len(cig[c->k]);
        if (op == OP_S) { c->k++; c->iseq += n; c->icig = 0; continue; }
        if (op == OP_H || op == OP_P) { c->k++; c->icig = 0; continue; }
        if (is_match_op(op)) {
            pos -= n;
            if (pos < 0) { c->icig = n + pos; c->iseq += c->icig; c->iref += c->icig; return 0; }
            c->k++; c->iseq += n; c->icig = 0; c->iref += n;
            continue;
        }
        if (op == OP_I) { c->k++; c->iseq += n; c->icig = 0; continue; }
        if (op == OP_D || op == OP_N) {
            pos -= n;
            if (pos < 0) pos = 0;
            c->k++; c->icig = 0; c->iref += n;
            continue;
        }
        return -2;
    }
    c->iseq = -1;
    return -1;
}

int olap_next(__global const uint* cig, olap_cursor* c)
{
    while (c->k < c->end) {
        uint op = cig[c->k] & 0xFu;
        int n = cig_len(cig[c->k]);
        if (is_match_op(op)) {
            if (c->icig >= n - 1) { c->icig = 0; c->k++; continue; }
            c->iseq++; c->icig++; c->iref++;
            return 0;
        }
        if (op == OP_D || op == OP_N) { c->k++; c->iref += n; c->icig = 0; continue; }
        if (op == OP_I || op == OP_S) { c->k++; c->iseq += n; c->icig = 0; continue; }
        if (op == OP_H || op == OP_P) { c->k++; c->icig = 0; continue; }
        return -2;
    }
    c->iseq = -1;
    c->iref = -1;
    return -1;
}

__kernel void overlap_tweak(int n_pairs,
                            __global const int* pair_a, __global const int* pair_b,
                            __global const int* starts, __global const int* cig_off, __global const uint* cigars,
                            __global const int* seq_off, __global const uchar* seqs,
                            __global const int* qual_off, __global const int* seq_lens,
                            __global uchar* eff_quals)
{
    int p = (int)get_global_id(0);
    if (p >= n_pairs) return;
    int a = pair_a[p], b = pair_b[p];
    int a_pos = starts[a], b_pos = starts[b];
    __global const uchar* a_seq = seqs + seq_off[a];
    __global const uchar* b_seq = seqs + seq_off[b];
    __global uchar* a_q = eff_quals + qual_off[a];
    __global uchar* b_q = eff_quals + qual_off[b];
    int a_len = seq_lens[a], b_len = seq_lens[b];

    olap_cursor ca; ca.k = cig_off[a]; ca.end = cig_off[a + 1];
    olap_cursor cb; cb.k = cig_off[b]; cb.end = cig_off[b + 1];
    int iref = b_pos;
    int a_ret = olap_set(cigars, &ca, iref - a_pos);
    if (a_ret < 0) return;
    int b_ret = olap_set(cigars, &cb, iref - b_pos);
    if (b_ret < 0) return;

    while (1) {
        while (a_ret >= 0 && ca.iref >= 0 && ca.iref < iref - a_pos) a_ret = olap_next(cigars, &ca);
        if (a_ret < 0) break;
        if (iref < ca.iref + a_pos) iref = ca.iref + a_pos;

        while (b_ret >= 0 && cb.iref >= 0 && cb.iref < iref - b_pos) b_ret = olap_next(cigars, &cb);
        if (b_ret < 0) break;
        if (iref < cb.iref + b_pos) iref = cb.iref + b_pos;

        iref++;
        if (ca.iref + a_pos != cb.iref + b_pos) continue;
        if (ca.iseq >= a_len || cb.iseq >= b_len) break; /* fell off the sequence: bad CIGAR */

        int qa = a_q[ca.iseq], qb = b_q[cb.iseq];
        if (packed_base(a_seq, ca.iseq) == packed_base(b_seq, cb.iseq)) {
            int q = qa + qb;
            a_q[ca.iseq] = (uchar)(q > 200 ? 200 : q);
            b_q[cb.iseq] = 0;
        } else if (qa >= qb) {
            a_q[ca.iseq] = (uchar)((qa * 4) / 5); /* htslib: 0.8 * q, truncated; identical for 0..255 */
            b_q[cb.iseq] = 0;
        } else {
            b_q[cb.iseq] = (uchar)((qb * 4) / 5);
            a_q[ca.iseq] = 0;
        }
    }
}

/* ------------------------------------------------------------------------------------------------
 * Pileup: one work-item per read, atomic increments into counts[(pos - win_start) * 14 + channel].
 * Element rules follow htslib bam_plp + samtools mpileup: an aligned base counts when its (overlap-
 * tweaked) quality >= min_baseq; a deleted position uses the quality of the next query base; an
 * insertion is counted at the last reference position before it, under that position's quality test.
 * ------------------------------------------------------------------------------------------------ */
__kernel void pileup(int n,
                     __global const int* ref_ids, __global const int* starts,
                     __global const ushort* flags, __global const uchar* mapqs,
                     __global const int* cig_off, __global const uint* cigars,
                     __global const int* seq_off, __global const uchar* seqs,
                     __global const int* qual_off, __global const uchar* quals, __global const int* seq_lens,
                     int target_ref, int win_start, int win_len,
                     int min_mapq, int min_baseq, int exclude_flags, int require_flags, int skip_anomalous_pairs,
                     __global int* counts)
{
    int r = (int)get_global_id(0);
    if (r >= n) return;
    if (ref_ids[r] != target_ref) return;
    ushort flag = flags[r];
    if (!read_passes(flag, mapqs[r], ref_ids[r], min_mapq, exclude_flags, require_flags, skip_anomalous_pairs)) return;

    int c0 = cig_off[r], c1 = cig_off[r + 1];
    int strand = (flag & FLAG_REVERSE) ? 1 : 0;
    __global const uchar* seq = seqs + seq_off[r];
    __global const uchar* qual = quals + qual_off[r];
    int lq = seq_lens[r];
    int win_end = win_start + win_len;
    int pos = starts[r];
    int q = 0;

    for (int k = c0; k < c1; ++k) {
        uint op = cigars[k] & 0xFu;
        int len = cig_len(cigars[k]);
        if (is_match_op(op)) {
            int jlo = max(0, win_start - pos);
            int jhi = min(len, win_end - pos);
            for (int j = jlo; j < jhi; ++j) {
                int qq = q + j;
                int bq = qq < lq ? (int)qual[qq] : 0;
                if (bq >= min_baseq) {
                    int ch = qq < lq ? base_channel(packed_base(seq, qq)) : 4;
                    atomic_inc(&counts[(pos + j - win_start) * PILEUP_CHANNELS + ch * 2 + strand]);
                }
            }
            int last = pos + len - 1;
            if (len > 0 && last >= win_start && last < win_end && insertion_after(cigars, k, c1) > 0) {
                int qq = q + len - 1;
                int bq = qq < lq ? (int)qual[qq] : 0;
                if (bq >= min_baseq)
                    atomic_inc(&counts[(last - win_start) * PILEUP_CHANNELS + CH_INS * 2 + strand]);
            }
            pos += len;
            q += len;
        } else if (op == OP_D || op == OP_N) {
            int bq = q < lq ? (int)qual[q] : 0;
            if (bq >= min_baseq) {
                if (op == OP_D) {
                    int lo = max(pos, win_start);
                    int hi = min(pos + len, win_end);
                    for (int x = lo; x < hi; ++x)
                        atomic_inc(&counts[(x - win_start) * PILEUP_CHANNELS + CH_DEL * 2 + strand]);
                }
                int last = pos + len - 1;
                if (len > 0 && last >= win_start && last < win_end && insertion_after(cigars, k, c1) > 0)
                    atomic_inc(&counts[(last - win_start) * PILEUP_CHANNELS + CH_INS * 2 + strand]);
            }
            pos += len;
        } else if (op == OP_I || op == OP_S) {
            q += len;
        }
        /* H and P consume nothing */
    }
}

/* ------------------------------------------------------------------------------------------------
 * Coverage: +1/-1 at the ends of every aligned block (M/=/X, plus D when include_deletions) clipped
 * to the window, into diff[0..win_len]; then a chunked prefix sum gives per-base depth, then bins.
 * ------------------------------------------------------------------------------------------------ */
__kernel void coverage_diff(int n,
                            __global const int* ref_ids, __global const int* starts,
                            __global const ushort* flags, __global const uchar* mapqs,
                            __global const int* cig_off, __global const uint* cigars,
                            int target_ref, int win_start, int win_len,
                            int min_mapq, int exclude_flags, int require_flags, int skip_anomalous_pairs,
                            int include_deletions,
                            __global int* diff)
{
    int r = (int)get_global_id(0);
    if (r >= n) return;
    if (ref_ids[r] != target_ref) return;
    if (!read_passes(flags[r], mapqs[r], ref_ids[r], min_mapq, exclude_flags, require_flags, skip_anomalous_pairs)) return;
    int win_end = win_start + win_len;
    int pos = starts[r];
    for (int k = cig_off[r]; k < cig_off[r + 1]; ++k) {
        uint op = cigars[k] & 0xFu;
        int len = cig_len(cigars[k]);
        int counted = is_match_op(op) || (include_deletions && op == OP_D);
        if (counted) {
            int lo = max(pos, win_start);
            int hi = min(pos + len, win_end);
            if (lo < hi) {
                atomic_inc(&diff[lo - win_start]);
                atomic_dec(&diff[hi - win_start]);
            }
        }
        if (is_match_op(op) || op == OP_D || op == OP_N) pos += len;
    }
}

/* sums[c] = sum of diff over chunk c (chunk positions [c*chunk, min((c+1)*chunk, len))) */
__kernel void chunk_sums(int len, int chunk, __global const int* diff, __global int* sums)
{
    int c = (int)get_global_id(0);
    int lo = c * chunk;
    if (lo >= len) return;
    int hi = min(lo + chunk, len);
    int s = 0;
    for (int i = lo; i < hi; ++i) s += diff[i];
    sums[c] = s;
}

/* depth[i] = offsets[c] + inclusive prefix of diff inside chunk c */
__kernel void chunk_scan(int len, int chunk, __global const int* diff, __global const int* offsets, __global int* depth)
{
    int c = (int)get_global_id(0);
    int lo = c * chunk;
    if (lo >= len) return;
    int hi = min(lo + chunk, len);
    int s = offsets[c];
    for (int i = lo; i < hi; ++i) {
        s += diff[i];
        depth[i] = s;
    }
}

/* bins[b] = sum of depth over bin b (64-bit, no atomics) */
__kernel void bin_sums(int len, int bin_size, __global const int* depth, __global ulong* bins)
{
    int b = (int)get_global_id(0);
    int lo = b * bin_size;
    if (lo >= len) return;
    int hi = min(lo + bin_size, len);
    ulong s = 0;
    for (int i = lo; i < hi; ++i) s += (ulong)depth[i];
    bins[b] = s;
}

/* ------------------------------------------------------------------------------------------------
 * Junctions: every N operation of a passing read becomes one record (ref, intron start, intron end
 * exclusive, strand | anchor_ok << 2). The anchor of a side is the number of M/=/X bases between this
 * N and the neighbouring N (or the read end) on that side.
 * ------------------------------------------------------------------------------------------------ */
__kernel void junction_count(int n,
                             __global const int* ref_ids, __global const ushort* flags, __global const uchar* mapqs,
                             __global const int* cig_off, __global const uint* cigars,
                             int min_mapq, int exclude_flags, int require_flags, int skip_anomalous_pairs,
                             __global int* per_read)
{
    int r = (int)get_global_id(0);
    if (r >= n) return;
    int c = 0;
    if (read_passes(flags[r], mapqs[r], ref_ids[r], min_mapq, exclude_flags, require_flags, skip_anomalous_pairs)) {
        for (int k = cig_off[r]; k < cig_off[r + 1]; ++k)
            if ((cigars[k] & 0xFu) == OP_N) c++;
    }
    per_read[r] = c;
}

__kernel void junction_emit(int n,
                            __global const int* ref_ids, __global const int* starts,
                            __global const ushort* flags, __global const uchar* mapqs,
                            __global const int* cig_off, __global const uint* cigars,
                            __global const uchar* xs_strands,
                            int min_mapq, int exclude_flags, int require_flags, int skip_anomalous_pairs,
                            int min_anchor,
                            __global const int* out_off,
                            __global int* out_ref, __global int* out_start, __global int* out_end, __global int* out_info)
{
    int r = (int)get_global_id(0);
    if (r >= n) return;
    if (!read_passes(flags[r], mapqs[r], ref_ids[r], min_mapq, exclude_flags, require_flags, skip_anomalous_pairs)) return;
    int slot = out_off[r];
    int strand = (int)xs_strands[r];
    int pos = starts[r];
    int seg = 0;           /* aligned bases since the previous N */
    int pending = -1;      /* slot of the previous N, waiting for its right anchor */
    int pending_left = 0;
    for (int k = cig_off[r]; k < cig_off[r + 1]; ++k) {
        uint op = cigars[k] & 0xFu;
        int len = cig_len(cigars[k]);
        if (is_match_op(op)) {
            seg += len;
            pos += len;
        } else if (op == OP_D) {
            pos += len;
        } else if (op == OP_N) {
            if (pending >= 0) {
                int ok = min(pending_left, seg) >= min_anchor;
                out_info[pending] = strand | (ok << 2);
            }
            pending = slot++;
            pending_left = seg;
            out_ref[pending] = ref_ids[r];
            out_start[pending] = pos;
            out_end[pending] = pos + len;
            seg = 0;
            pos += len;
        }
    }
    if (pending >= 0) {
        int ok = min(pending_left, seg) >= min_anchor;
        out_info[pending] = strand | (ok << 2);
    }
}

/* ------------------------------------------------------------------------------------------------
 * Feature counts (featureCounts meta-feature semantics): one work-item per read; the leader of a
 * fragment (mate_of[r] > r or no mate) looks at the aligned blocks of both mates and writes the gene
 * index it is assigned to, or a negative FC_* code. Blocks are M/=/X/D runs split by N.
 * Features are sorted by (ref, start); feat_first[ref]..feat_first[ref+1] is the range of a ref.
 * ------------------------------------------------------------------------------------------------ */

/* Updates *found with the genes overlapping [bs, be); returns 1 once two different genes are seen. */
int scan_block(int ref, int bs, int be, int read_strand, int strand_mode,
                      __global const int* feat_first, int n_feat_refs, __global const int* feat_start,
                      __global const int* feat_end, __global const uchar* feat_strand, __global const int* feat_gene,
                      int max_feat_len, int* found)
{
    if (ref < 0 || ref >= n_feat_refs) return 0;
    int lo = feat_first[ref], hi = feat_first[ref + 1];
    /* first feature whose start >= bs - max_feat_len (a feature starting earlier cannot reach bs) */
    int key = bs - max_feat_len;
    int a = lo, b = hi;
    while (a < b) {
        int m = a + ((b - a) >> 1);
        if (feat_start[m] < key) a = m + 1; else b = m;
    }
    for (int f = a; f < hi && feat_start[f] < be; ++f) {
        if (feat_end[f] <= bs) continue;
        int fs = (int)feat_strand[f];
        if (strand_mode != 0 && fs != 0) {
            int want = strand_mode == 1 ? read_strand : (read_strand == 1 ? 2 : 1);
            if (fs != want) continue;
        }
        int g = feat_gene[f];
        if (*found < 0) *found = g;
        else if (*found != g) return 1;
    }
    return 0;
}

/* Scans every block of read r; returns 1 when ambiguous. */
int scan_read(int r, __global const int* ref_ids, __global const int* starts,
                     __global const int* cig_off, __global const uint* cigars,
                     int read_strand, int strand_mode,
                     __global const int* feat_first, int n_feat_refs, __global const int* feat_start,
                     __global const int* feat_end, __global const uchar* feat_strand, __global const int* feat_gene,
                     int max_feat_len, int* found)
{
    int ref = ref_ids[r];
    int pos = starts[r];
    int bs = pos;
    int open = 0;
    for (int k = cig_off[r]; k < cig_off[r + 1]; ++k) {
        uint op = cigars[k] & 0xFu;
        int len = cig_len(cigars[k]);
        if (is_match_op(op) || op == OP_D) {
            if (!open) { bs = pos; open = 1; }
            pos += len;
        } else if (op == OP_N) {
            if (open && scan_block(ref, bs, pos, read_strand, strand_mode, feat_first, n_feat_refs, feat_start,
                                   feat_end, feat_strand, feat_gene, max_feat_len, found)) return 1;
            open = 0;
            pos += len;
        }
    }
    if (open && scan_block(ref, bs, pos, read_strand, strand_mode, feat_first, n_feat_refs, feat_start,
                           feat_end, feat_strand, feat_gene, max_feat_len, found)) return 1;
    return 0;
}

__kernel void feature_assign(int n,
                             __global const int* ref_ids, __global const int* starts,
                             __global const ushort* flags, __global const uchar* mapqs, __global const int* nh,
                             __global const int* cig_off, __global const uint* cigars,
                             __global const int* mate_of,
                             __global const int* feat_first, int n_feat_refs, __global const int* feat_start,
                             __global const int* feat_end, __global const uchar* feat_strand,
                             __global const int* feat_gene, int max_feat_len,
                             int strand_mode, int min_mapq, int count_multimapping, int ignore_duplicates,
                             __global int* assignment)
{
    int r = (int)get_global_id(0);
    if (r >= n) return;
    int m = mate_of[r];
    if (m >= 0 && m < r) { assignment[r] = FC_COUNTED_WITH_MATE; return; }

    ushort f = flags[r];
    int r_mapped = (f & FLAG_UNMAP) == 0 && ref_ids[r] >= 0 && cig_off[r + 1] > cig_off[r];
    int m_mapped = m >= 0 && (flags[m] & FLAG_UNMAP) == 0 && ref_ids[m] >= 0 && cig_off[m + 1] > cig_off[m];
    if (!r_mapped && !m_mapped) { assignment[r] = FC_UNMAPPED; return; }
    if ((f & FLAG_SUPPLEMENTARY) != 0) { assignment[r] = FC_SECONDARY; return; }
    if (!count_multimapping && ((f & FLAG_SECONDARY) != 0 || nh[r] > 1 || (m_mapped && nh[m] > 1))) {
        assignment[r] = FC_MULTIMAPPING; return;
    }
    if ((r_mapped && (int)mapqs[r] < min_mapq) || (m_mapped && (int)mapqs[m] < min_mapq)) {
        assignment[r] = FC_MAPPING_QUALITY; return;
    }
    if (ignore_duplicates && ((f & FLAG_DUP) != 0 || (m >= 0 && (flags[m] & FLAG_DUP) != 0))) {
        assignment[r] = FC_DUPLICATE; return;
    }

    /* strand of the fragment = strand of read 1; a read 2 is flipped */
    int rev = (f & FLAG_REVERSE) != 0;
    if ((f & FLAG_PAIRED) != 0 && (f & FLAG_READ2) != 0) rev = !rev;
    int read_strand = rev ? 2 : 1;

    int found = -1;
    if (r_mapped && scan_read(r, ref_ids, starts, cig_off, cigars, read_strand, strand_mode, feat_first, n_feat_refs,
                              feat_start, feat_end, feat_strand, feat_gene, max_feat_len, &found)) {
        assignment[r] = FC_AMBIGUOUS; return;
    }
    if (m_mapped && scan_read(m, ref_ids, starts, cig_off, cigars, read_strand, strand_mode, feat_first, n_feat_refs,
                              feat_start, feat_end, feat_strand, feat_gene, max_feat_len, &found)) {
        assignment[r] = FC_AMBIGUOUS; return;
    }
    assignment[r] = found >= 0 ? found : FC_NO_FEATURES;
}
