package org.ctoforum.betafixture.entity;

/** An entity of the fixture feature "betafixture". */
public class BetaEntity {}
