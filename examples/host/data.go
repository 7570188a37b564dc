package main

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"math"
	"strconv"
)

// breastCancerCSV is the Wisconsin diagnostic breast cancer data set in
// scikit-learn's CSV layout: a header "569,30,malignant,benign", then
// one row per tumour with 30 features and the class (0 malignant,
// 1 benign). data/breast_cancer.rst describes the features.
//
//go:embed data/breast_cancer.csv
var breastCancerCSV []byte

// split is one part of the data set, row-major.
type split struct {
	features []float32 // rows × columns
	labels   []float32 // 0 or 1
	rows     int
	columns  int
}

// loadSplits parses the CSV, holds out every fifth row for testing and
// standardises both parts with the training part's mean and standard
// deviation.
func loadSplits(data []byte) (train, test split, err error) {
	reader := csv.NewReader(bytes.NewReader(data))
	reader.FieldsPerRecord = -1 // the header is shorter than the rows
	records, err := reader.ReadAll()
	if err != nil {
		return train, test, fmt.Errorf("reading the data set: %w", err)
	}
	if len(records) < 2 {
		return train, test, fmt.Errorf("the data set has %d lines, want a header and rows", len(records))
	}
	header := records[0]
	if len(header) < 2 {
		return train, test, fmt.Errorf("the header %v is missing the feature count; want \"rows,features,class names...\"", header)
	}
	columns, err := strconv.Atoi(header[1])
	if err != nil || columns < 1 {
		return train, test, fmt.Errorf("the header's feature count %q is invalid; want a positive integer", header[1])
	}
	train.columns, test.columns = columns, columns
	for i, rec := range records[1:] {
		part := &train
		if i%5 == 0 {
			part = &test
		}
		if err := part.appendRecord(rec, i+2); err != nil {
			return train, test, err
		}
	}
	mean, std := train.moments()
	train.standardise(mean, std)
	test.standardise(mean, std)
	return train, test, nil
}

// appendRecord adds one CSV record; line is its line number for errors.
func (s *split) appendRecord(rec []string, line int) error {
	if len(rec) != s.columns+1 {
		return fmt.Errorf("line %d has %d fields, want %d features and a label", line, len(rec), s.columns)
	}
	for j, field := range rec {
		v, err := strconv.ParseFloat(field, 64)
		if err != nil {
			return fmt.Errorf("line %d field %d: %w", line, j+1, err)
		}
		if j == s.columns {
			s.labels = append(s.labels, float32(v))
		} else {
			s.features = append(s.features, float32(v))
		}
	}
	s.rows++
	return nil
}

// moments returns each column's mean and (population) standard deviation.
func (s *split) moments() (mean, std []float64) {
	mean = make([]float64, s.columns)
	std = make([]float64, s.columns)
	for i := range s.rows {
		for j := range s.columns {
			mean[j] += float64(s.features[i*s.columns+j])
		}
	}
	for j := range mean {
		mean[j] /= float64(s.rows)
	}
	for i := range s.rows {
		for j := range s.columns {
			d := float64(s.features[i*s.columns+j]) - mean[j]
			std[j] += d * d
		}
	}
	for j := range std {
		std[j] = math.Sqrt(std[j] / float64(s.rows))
	}
	return mean, std
}

// standardise maps each column to (x - mean) / std, leaving the scale
// of a constant column (std 0) alone.
func (s *split) standardise(mean, std []float64) {
	for i := range s.rows {
		for j := range s.columns {
			scale := std[j]
			if scale == 0 {
				scale = 1
			}
			k := i*s.columns + j
			s.features[k] = float32((float64(s.features[k]) - mean[j]) / scale)
		}
	}
}
