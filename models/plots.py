"""The evaluation plots, as PNG files: ROC and precision-recall curves, the reliability diagram
of calibrated scores, and the features that matter most (mean absolute contribution).

Figures are made with matplotlib's object API, not pyplot: no global state, no display backend
to choose, and a notebook shows them as they are returned."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.figure import Figure
from sklearn.calibration import calibration_curve
from sklearn.metrics import precision_recall_curve, roc_curve

PLOTS = ("roc.png", "precision_recall.png", "reliability.png", "importance.png")


def roc_figure(scores: np.ndarray, labels: np.ndarray) -> Figure:
    fpr, tpr, _ = roc_curve(labels, scores)
    fig = Figure(figsize=(5, 5))
    ax = fig.subplots()
    ax.plot(fpr, tpr, label="model")
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="chance")
    ax.set(
        xlabel="false-positive rate (genuine sites flagged)",
        ylabel="frauds caught",
        title="ROC, time-forward test",
    )
    ax.legend(loc="lower right")
    return fig


def precision_recall_figure(scores: np.ndarray, labels: np.ndarray) -> Figure:
    precision, recall, _ = precision_recall_curve(labels, scores)
    fig = Figure(figsize=(5, 5))
    ax = fig.subplots()
    ax.plot(recall, precision)
    ax.axhline(labels.mean(), linestyle="--", color="grey", label="fraud share")
    ax.set(
        xlabel="recall (frauds caught)",
        ylabel="precision (frauds among flagged)",
        title="Precision-recall, time-forward test",
        ylim=(0, 1.02),
    )
    ax.legend(loc="lower left")
    return fig


def reliability_figure(scores: np.ndarray, labels: np.ndarray) -> Figure:
    bins = max(3, min(10, len(labels) // 10))
    observed, predicted = calibration_curve(labels, scores, n_bins=bins, strategy="quantile")
    fig = Figure(figsize=(5, 5))
    ax = fig.subplots()
    ax.plot(predicted, observed, marker="o", label="model")
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    ax.set(xlabel="score", ylabel="observed fraud share", title="Reliability of scores")
    ax.legend(loc="upper left")
    return fig


def importance_figure(names: list[str], mean_abs_contribution: np.ndarray, top: int = 20) -> Figure:
    order = np.argsort(mean_abs_contribution)[::-1][:top][::-1]
    fig = Figure(figsize=(7, 0.3 * len(order) + 1.2))
    ax = fig.subplots()
    ax.barh([names[i] for i in order], mean_abs_contribution[order])
    ax.set(xlabel="mean |contribution| (log-odds)", title="Features that matter most")
    fig.tight_layout()
    return fig


def write_plots(
    folder: Path,
    scores: np.ndarray,
    labels: np.ndarray,
    names: list[str],
    mean_abs_contribution: np.ndarray,
) -> list[Path]:
    """The four evaluation plots as PNG files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    figures = (
        roc_figure(scores, labels),
        precision_recall_figure(scores, labels),
        reliability_figure(scores, labels),
        importance_figure(names, mean_abs_contribution),
    )
    paths = []
    for name, fig in zip(PLOTS, figures, strict=True):
        fig.savefig(folder / name, dpi=100, bbox_inches="tight")
        paths.append(folder / name)
    return paths
