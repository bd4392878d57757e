"""Figures for a set of scores against known outcomes: what investigators get from a ranking."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score, roc_curve


def precision_at(scores: np.ndarray, labels: np.ndarray, k: int) -> float:
    """Share of frauds among the k highest scores (what an investigator sees first)."""
    k = max(1, min(k, len(scores)))
    top = np.argsort(-scores, kind="stable")[:k]
    return float(labels[top].mean())


def recall_at_fpr(scores: np.ndarray, labels: np.ndarray, fpr: float) -> float:
    """Share of frauds caught while flagging at most `fpr` of the genuine sites."""
    false_pos, true_pos, _ = roc_curve(labels, scores)
    return float(true_pos[false_pos <= fpr].max(initial=0.0))


def figures(scores: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    """ROC AUC, average precision, precision in the top 10% and top 50, recall at 1% and 5%
    false-positive rate, and the Brier score of calibrated scores."""
    labels = np.asarray(labels, dtype=int)
    scores = np.asarray(scores, dtype=float)
    if len(set(labels.tolist())) < 2:
        raise ValueError("figures need both frauds and genuine sites among the cases")
    return {
        "cases": float(len(labels)),
        "fraud_share": round(float(labels.mean()), 4),
        "roc_auc": round(float(roc_auc_score(labels, scores)), 4),
        "average_precision": round(float(average_precision_score(labels, scores)), 4),
        "precision_top10pct": round(precision_at(scores, labels, round(len(scores) * 0.1)), 4),
        "precision_top50": round(precision_at(scores, labels, 50), 4),
        "recall_at_1pct_fpr": round(recall_at_fpr(scores, labels, 0.01), 4),
        "recall_at_5pct_fpr": round(recall_at_fpr(scores, labels, 0.05), 4),
        "brier": round(float(brier_score_loss(labels, scores)), 4),
    }
